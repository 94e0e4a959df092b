package family.gallery.resize.video;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import family.gallery.resize.image.RenderedPhoto;

/**
 * A video made ready for the site.
 *
 * @param width          the original as displayed (rotation applied)
 * @param height         the original as displayed
 * @param durationMillis running time
 * @param recordedLocal  when it was recorded, in the camera's local time, where the camera said so
 * @param recorded       when it was recorded, in UTC, where the container says so
 * @param poster         JPEG renditions of a frame near the start, smallest first
 * @param webVersion     the H.264/AAC MP4 file, in the renderer's working folder
 * @param webWidth       the web version's width
 * @param webHeight      the web version's height
 */
public record RenderedVideo(int width, int height, long durationMillis, Optional<OffsetDateTime> recordedLocal,
        Optional<Instant> recorded, List<RenderedPhoto.Jpeg> poster, Path webVersion, int webWidth, int webHeight) {
}
