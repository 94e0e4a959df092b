package family.gallery.site.model;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

import family.gallery.accounts.GroupName;

/**
 * Who may see an album: every signed-in viewer, or the members of some groups. A set of no groups is
 * nobody, which is what an unreadable {@code viewers:} gives: a mistake never opens an album to all.
 */
public record Viewers(boolean everyone, SortedSet<GroupName> groups) {

    public static final Viewers EVERYONE = new Viewers(true, new TreeSet<>());
    public static final Viewers NOBODY = new Viewers(false, new TreeSet<>());

    public Viewers {
        groups = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(groups));
        if (everyone && !groups.isEmpty()) {
            throw new IllegalArgumentException("everyone, or some groups, not both");
        }
    }

    public static Viewers groups(Collection<GroupName> groups) {
        return new Viewers(false, new TreeSet<>(groups));
    }

    /** Whether a viewer in these groups may see the album. */
    public boolean admit(Collection<GroupName> viewerGroups) {
        return everyone || viewerGroups.stream().anyMatch(groups::contains);
    }

    /** As the build report and README write it: {@code everyone}, {@code family, friends} or {@code nobody}. */
    public String describe() {
        if (everyone) {
            return "everyone";
        }
        return groups.isEmpty() ? "nobody" : String.join(", ", groups.stream().map(GroupName::value).toList());
    }
}
