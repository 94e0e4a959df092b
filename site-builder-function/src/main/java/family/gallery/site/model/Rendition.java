package family.gallery.site.model;

/** One resized copy of a photo in the resized bucket, with its pixel size. */
public record Rendition(String key, int width, int height) {
}
