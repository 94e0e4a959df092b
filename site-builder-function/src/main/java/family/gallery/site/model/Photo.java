package family.gallery.site.model;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import family.gallery.catalog.PhotoDetails;

/**
 * A photo or a video as the site shows it.
 *
 * @param width      the original's upright width in pixels
 * @param height     the original's upright height in pixels
 * @param renditions narrowest first; a video's poster frame
 * @param caption    from album.yml or, unless the album ignores them, the photo's own; or null
 * @param offset     the camera's offset from UTC when it was taken, or null
 * @param video      what a video plays, or null for a photo
 * @param motion     the web version of a Live Photo's motion, its {@code .mov}; null for other photos and videos
 */
public record Photo(String fileName, String sourceKey, int width, int height, List<Rendition> renditions,
        String caption, LocalDateTime takenAt, ZoneOffset offset, PhotoDetails details, Video video, Rendition motion) {

    public Photo {
        details = details == null ? PhotoDetails.NONE : details;
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("a photo on the site needs at least one rendition: " + sourceKey);
        }
        renditions = renditions.stream().sorted(Comparator.comparingInt(Rendition::width)).toList();
    }

    /** The album it belongs to, e.g. {@code 2026 summer/beach} for {@code albums/2026 summer/beach/IMG_1.jpg}. */
    public String albumPath() {
        return sourceKey.substring("albums/".length(), sourceKey.length() - fileName.length() - 1);
    }

    public boolean isVideo() {
        return video != null;
    }

    public Rendition largest() {
        return renditions.get(renditions.size() - 1);
    }

    /** The narrowest rendition at least {@code width} wide, else the largest. */
    public Rendition atLeast(int width) {
        return renditions.stream().filter(r -> r.width() >= width).findFirst().orElse(largest());
    }

    /** Width over height of the upright photo, from its largest rendition. */
    public double aspectRatio() {
        Rendition largest = largest();
        return largest.height() <= 0 ? 1.0 : (double) largest.width() / largest.height();
    }
}
