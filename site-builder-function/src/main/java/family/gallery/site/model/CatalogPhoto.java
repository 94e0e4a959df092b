package family.gallery.site.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the catalog knows about one original, a photo or a video.
 *
 * @param album         album path without {@code albums/}, e.g. {@code 2026 summer/beach}
 * @param fileName      the original's file name
 * @param width         the upright width in pixels
 * @param height        the upright height in pixels
 * @param renditions    resized copies, any order
 * @param caption       a caption the catalog holds (e.g. from the photo's own description), or null
 * @param takenAt       when it was taken, in the camera's local time, or null
 * @param camera        a short camera summary, or null
 * @param failureReason why it could not be processed, or null when it is ready
 * @param video         a ready video's web version and running time, its renditions being its poster; null for a photo
 */
public record CatalogPhoto(String album, String fileName, int width, int height, List<Rendition> renditions,
        String caption, LocalDateTime takenAt, String camera, String failureReason, Video video) {

    public CatalogPhoto {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
    }

    public boolean ready() {
        return failureReason == null && !renditions.isEmpty();
    }

    /** The key of the original in the source bucket. */
    public String sourceKey() {
        return "albums/" + album + "/" + fileName;
    }
}
