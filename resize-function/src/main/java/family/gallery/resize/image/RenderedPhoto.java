package family.gallery.resize.image;

import java.util.List;

/**
 * @param width      the original's width as displayed, after EXIF orientation
 * @param height     the original's height as displayed
 * @param renditions smallest first
 */
public record RenderedPhoto(int width, int height, PhotoMetadata metadata, List<Jpeg> renditions) {

    /** An encoded rendition, upright, in sRGB, without metadata. */
    public record Jpeg(int width, int height, byte[] bytes) {
    }
}
