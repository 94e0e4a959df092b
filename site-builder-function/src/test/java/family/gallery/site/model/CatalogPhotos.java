package family.gallery.site.model;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import family.gallery.catalog.PhotoDetails;

/** Catalog entries for tests. */
public final class CatalogPhotos {

    private CatalogPhotos() {
    }

    /** A ready photo with three renditions of a {@code width x height} original. */
    public static CatalogPhoto ready(String album, String fileName, int width, int height, LocalDateTime takenAt) {
        String id = Integer.toHexString((album + "/" + fileName).hashCode());
        return new CatalogPhoto(album, fileName, width, height, List.of(
                rendition(id, 1600, width, height), rendition(id, 400, width, height), rendition(id, 800, width, height)),
                null, takenAt, null, PhotoDetails.camera("Pixel 8"), null, null);
    }

    /** A ready video of a {@code width x height} picture with three poster renditions and its web version. */
    public static CatalogPhoto video(String album, String fileName, int width, int height, LocalDateTime takenAt,
            Duration duration) {
        CatalogPhoto poster = ready(album, fileName, width, height, takenAt);
        String id = Integer.toHexString((album + "/" + fileName).hashCode());
        Video video = new Video(new Rendition("media/" + id + "/" + width + "x" + height + ".mp4", width, height), duration);
        return new CatalogPhoto(album, fileName, width, height, poster.renditions(), null, takenAt, null, null, null, video);
    }

    public static CatalogPhoto ready(String album, String fileName) {
        return ready(album, fileName, 4000, 3000, LocalDateTime.of(2026, 7, 14, 10, 30));
    }

    public static CatalogPhoto failed(String album, String fileName, String reason) {
        return new CatalogPhoto(album, fileName, 0, 0, List.of(), null, null, null, null, reason, null);
    }

    private static Rendition rendition(String id, int longEdge, int width, int height) {
        double scale = (double) longEdge / Math.max(width, height);
        return new Rendition("media/" + id + "/" + longEdge + ".jpg", (int) Math.round(width * scale),
                (int) Math.round(height * scale));
    }
}
