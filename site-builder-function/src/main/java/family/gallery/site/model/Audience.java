package family.gallery.site.model;

import java.util.Collection;
import java.util.Set;

import family.gallery.accounts.GroupName;

/** Whose copy of the site is being assembled: which albums it shows, and from which album down. */
public interface Audience {

    /**
     * @param viewers        who may see the album: its own {@code viewers:} or the nearest ancestor's
     * @param setsOwnViewers whether its own album.yml sets {@code viewers:}
     */
    boolean sees(String path, Viewers viewers, boolean setsOwnViewers);

    /** The album whose tree this audience sees, or null for the whole gallery. */
    default String root() {
        return null;
    }

    /** Every album: for the build report and the counts. */
    Audience EVERY_ALBUM = (path, viewers, own) -> true;

    /** A signed-in viewer in these groups (none: only albums open to everyone). */
    static Audience members(Collection<GroupName> groups) {
        Set<GroupName> copy = Set.copyOf(groups);
        return (path, viewers, own) -> viewers.admit(copy);
    }

    /** The holder of a guest link: the album, and its sub-albums that do not set viewers of their own. */
    static Audience guests(String album) {
        return new Audience() {
            @Override
            public boolean sees(String path, Viewers viewers, boolean setsOwnViewers) {
                return path.equals(album) || !setsOwnViewers;
            }

            @Override
            public String root() {
                return album;
            }
        };
    }
}
