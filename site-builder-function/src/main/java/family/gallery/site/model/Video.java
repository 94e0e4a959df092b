package family.gallery.site.model;

import java.time.Duration;

/**
 * What a video adds to its poster: the version every browser plays and how long it runs.
 *
 * @param webVersion the H.264/AAC MP4 in the resized bucket, with its size as displayed
 */
public record Video(Rendition webVersion, Duration duration) {
}
