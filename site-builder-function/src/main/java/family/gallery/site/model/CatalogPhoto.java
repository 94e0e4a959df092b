package family.gallery.site.model;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import family.gallery.catalog.PhotoDetails;

/**
 * What the catalog knows about one original, a photo or a video.
 *
 * @param album         album path without {@code albums/}, e.g. {@code 2026 summer/beach}
 * @param fileName      the original's file name
 * @param width         the upright width in pixels
 * @param height        the upright height in pixels
 * @param renditions    resized copies, any order
 * @param caption       the photo's own (IPTC/XMP) caption, or null
 * @param takenAt       when it was taken, in the camera's local time, or null
 * @param offset        the camera's offset from UTC at that time, or null when it did not record one
 * @param details       camera, lens and exposure as far as the photo says
 * @param failureReason why it could not be processed, or null when it is ready
 * @param video         a ready video's web version and running time, its renditions being its poster; null for a photo
 */
public record CatalogPhoto(String album, String fileName, int width, int height, List<Rendition> renditions,
        String caption, LocalDateTime takenAt, ZoneOffset offset, PhotoDetails details, String failureReason,
        Video video) {

    public CatalogPhoto {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
        details = details == null ? PhotoDetails.NONE : details;
    }

    public boolean ready() {
        return failureReason == null && !renditions.isEmpty();
    }

    /** The key of the original in the source bucket. */
    public String sourceKey() {
        return "albums/" + album + "/" + fileName;
    }
}
