package family.gallery.site.render;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import family.gallery.accounts.GroupName;
import family.gallery.accounts.SiteAccess;
import family.gallery.site.model.Album;
import family.gallery.site.model.Gallery;
import family.gallery.site.model.Photo;

/**
 * One audience's copy of the site: its pages under {@code prefix} and, for each album, the prefix
 * its photos are served from (see {@link SiteAccess} for the layout and why).
 *
 */
public final class SiteView {

    private final String prefix;
    private final Gallery gallery;
    private final Map<String, String> mediaPrefixByAlbum;
    private final boolean downloads;
    private final Set<String> albumsWithOriginals;

    /**
     * @param albumMediaPrefix where an album's photos are served from
     * @param downloads        whether the viewer offers each photo's largest rendition for download
     * @param originals        whether the viewer offers the originals of albums whose album.yml allows it
     */
    public SiteView(String prefix, Gallery gallery, Function<Album, String> albumMediaPrefix, boolean downloads,
            boolean originals) {
        this.prefix = prefix;
        this.gallery = gallery;
        this.mediaPrefixByAlbum = gallery.allAlbums().stream().collect(Collectors.toMap(Album::path, albumMediaPrefix));
        this.downloads = downloads;
        this.albumsWithOriginals = originals
                ? gallery.allAlbums().stream().filter(Album::originals).map(Album::path).collect(Collectors.toSet())
                : Set.of();
    }

    /**
     * The pages of a viewer in these groups; an album's media from everyone's prefix or one of the
     * viewer's groups'.
     *
     * @param originals whether the stack allows originals to be downloaded (albums opt in with album.yml)
     */
    public static SiteView members(Collection<GroupName> groups, Gallery gallery, boolean originals) {
        SortedSet<GroupName> own = new TreeSet<>(groups);
        return new SiteView(SiteAccess.viewPrefix(own), gallery, album -> {
            if (album.viewers().everyone()) {
                return SiteAccess.EVERYONE;
            }
            return album.viewers().groups().stream().filter(own::contains).findFirst().map(SiteAccess::groupPrefix)
                    .orElseThrow(() -> new IllegalStateException("album " + album.path() + " is not for " + own));
        }, true, originals);
    }

    /** A guest link's pages and media, all under its own prefix; never an original, which carries the location. */
    public static SiteView guests(String shareId, Gallery gallery, boolean downloads) {
        String prefix = SiteAccess.sharePrefix(shareId);
        return new SiteView(prefix, gallery, album -> prefix, downloads, false);
    }

    /** Whether this view offers the photo's original as uploaded. */
    public boolean offersOriginal(Photo photo) {
        return albumsWithOriginals.contains(photo.albumPath());
    }

    /** The prefix a photo of this view is served from, found through the album it belongs to. */
    public String mediaPrefix(Photo photo) {
        return mediaPrefixByAlbum.get(photo.albumPath());
    }

    public String prefix() {
        return prefix;
    }

    public Gallery gallery() {
        return gallery;
    }

    public boolean downloads() {
        return downloads;
    }
}
