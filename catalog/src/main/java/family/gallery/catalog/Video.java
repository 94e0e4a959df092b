package family.gallery.catalog;

/**
 * What the catalog holds for a video besides its poster renditions: the web version every browser
 * plays (H.264/AAC in MP4, at most 1080p, its index first so playback starts at once) and how long
 * it runs.
 *
 * @param webVersion     the MP4 in the resized bucket; its width and height are as displayed (rotation applied)
 * @param durationMillis the original's running time
 */
public record Video(Rendition webVersion, long durationMillis) {
}
