package family.gallery.site.model;

import java.time.LocalDateTime;
import java.util.List;

/** Catalog entries for tests. */
public final class CatalogPhotos {

    private CatalogPhotos() {
    }

    /** A ready photo with three renditions of a {@code width x height} original. */
    public static CatalogPhoto ready(String album, String fileName, int width, int height, LocalDateTime takenAt) {
        String id = Integer.toHexString((album + "/" + fileName).hashCode());
        return new CatalogPhoto(album, fileName, width, height, List.of(
                rendition(id, 1600, width, height), rendition(id, 400, width, height), rendition(id, 800, width, height)),
                null, takenAt, "Pixel 8", null);
    }

    public static CatalogPhoto ready(String album, String fileName) {
        return ready(album, fileName, 4000, 3000, LocalDateTime.of(2026, 7, 14, 10, 30));
    }

    public static CatalogPhoto failed(String album, String fileName, String reason) {
        return new CatalogPhoto(album, fileName, 0, 0, List.of(), null, null, null, reason);
    }

    private static Rendition rendition(String id, int longEdge, int width, int height) {
        double scale = (double) longEdge / Math.max(width, height);
        return new Rendition("media/" + id + "/" + longEdge + ".jpg", (int) Math.round(width * scale),
                (int) Math.round(height * scale));
    }
}
