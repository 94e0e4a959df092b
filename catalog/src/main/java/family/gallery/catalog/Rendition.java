package family.gallery.catalog;

/**
 * One JPEG rendition in the resized bucket.
 *
 * @param key    object key in the resized bucket; content-addressed, so it changes whenever the original does
 * @param width  pixels, as displayed
 * @param height pixels, as displayed
 * @param bytes  object size
 */
public record Rendition(String key, int width, int height, long bytes) {
}
