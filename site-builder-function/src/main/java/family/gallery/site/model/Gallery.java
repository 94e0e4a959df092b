package family.gallery.site.model;

import java.util.ArrayList;
import java.util.List;

/** Everything the site shows, and what was left out. */
public record Gallery(List<Album> topLevel, List<BuildIssue> issues) {

    /** Every published album, parents before their children. */
    public List<Album> allAlbums() {
        List<Album> all = new ArrayList<>();
        addWithDescendants(topLevel, all);
        return all;
    }

    private static void addWithDescendants(List<Album> albums, List<Album> into) {
        for (Album album : albums) {
            into.add(album);
            addWithDescendants(album.children(), into);
        }
    }

    /** Photos and videos shown. */
    public int photoCount() {
        return topLevel.stream().mapToInt(album -> album.totalPhotos() + album.totalVideos()).sum();
    }
}
