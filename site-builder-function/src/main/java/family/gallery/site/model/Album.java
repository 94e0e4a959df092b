package family.gallery.site.model;

import java.time.LocalDate;
import java.util.List;

import family.gallery.site.model.AlbumSettings.PhotoOrder;

/**
 * An album as the site shows it: only visible photos and videos and non-empty sub-albums.
 *
 * @param path     album path without {@code albums/}, e.g. {@code 2026 summer/beach}
 * @param photos   photos and videos in display order
 * @param children sub-albums in display order
 * @param cover    the photo that stands for the album on its parent's page
 * @param from     the album's date, or the earliest photo's day; null when unknown
 * @param to       the latest photo's day; equal to {@code from} for a single day
 * @param viewers  who may see it: its album.yml's {@code viewers:} or the nearest ancestor's
 * @param order    how {@code photos} are sorted
 * @param viewerSort whether viewers may sort the photos by date or name on the page
 * @param originals  whether album.yml offers the originals for download (where the stack allows it)
 */
public record Album(String path, String title, String description, List<Photo> photos, List<Album> children,
        Photo cover, LocalDate from, LocalDate to, Viewers viewers, PhotoOrder order, boolean viewerSort,
        boolean originals) {

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Ancestor paths from the top, excluding this album. */
    public List<String> ancestorPaths() {
        List<String> ancestors = new java.util.ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            ancestors.add(path.substring(0, slash));
        }
        return ancestors;
    }

    public int depth() {
        return ancestorPaths().size() + 1;
    }

    /** Photos, not videos, in this album and every album below it. */
    public int totalPhotos() {
        return (int) photos.stream().filter(photo -> !photo.isVideo()).count()
                + children.stream().mapToInt(Album::totalPhotos).sum();
    }

    /** Videos in this album and every album below it. */
    public int totalVideos() {
        return (int) photos.stream().filter(Photo::isVideo).count()
                + children.stream().mapToInt(Album::totalVideos).sum();
    }
}
