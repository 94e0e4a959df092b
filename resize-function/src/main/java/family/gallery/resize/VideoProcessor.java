package family.gallery.resize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import family.gallery.catalog.PhotoDetails;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.Rendition;
import family.gallery.catalog.TakenAt;
import family.gallery.catalog.Video;
import family.gallery.ingest.ObjectEvent;
import family.gallery.resize.image.RenderedPhoto;
import family.gallery.resize.storage.OriginalFile;
import family.gallery.resize.storage.RenditionStore;
import family.gallery.resize.storage.SourcePhotos;
import family.gallery.resize.video.RenderedVideo;
import family.gallery.resize.video.UnplayableVideoException;
import family.gallery.resize.video.VideoRenderer;

/**
 * Videos: downloaded to a working folder on local disk (they may be gigabytes), converted to a web
 * version and a poster, both stored beside the photos' renditions; the folder is removed afterwards.
 */
public final class VideoProcessor implements OriginalProcessor {

    private static final Logger LOG = Logger.getLogger(VideoProcessor.class);

    private final SourcePhotos source;
    private final RenditionStore renditions;
    private final VideoRenderer renderer;
    private final long maxBytes;
    private final Clock clock;

    /** @param maxBytes larger originals are refused before download; the function's disk must hold one and its web version */
    public VideoProcessor(SourcePhotos source, RenditionStore renditions, VideoRenderer renderer, long maxBytes,
            Clock clock) {
        this.source = source;
        this.renditions = renditions;
        this.renderer = renderer;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public Optional<PhotoEntry> process(PhotoId id, ObjectEvent event, Instant deadline) {
        Optional<OriginalFile> described = source.describe(event);
        if (described.isEmpty()) {
            return Optional.empty();
        }
        OriginalFile original = described.get();
        if (original.bytes() > maxBytes) {
            return Optional.of(PhotoEntry.failed(id, event.sequencer(), original.eTag(), "is " + gigabytes(original.bytes())
                    + "; videos up to " + gigabytes(maxBytes) + " are converted (MAX_VIDEO_BYTES)", clock.instant()));
        }
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory("video-");
            Path file = workDir.resolve("original");
            if (!source.download(event.key(), original, file)) {
                return Optional.empty();
            }
            return Optional.of(store(id, event, original, renderer.render(file, workDir, deadline)));
        } catch (UnplayableVideoException e) {
            return Optional.of(PhotoEntry.failed(id, event.sequencer(), original.eTag(), e.getMessage(), clock.instant()));
        } catch (IOException e) {
            throw new UncheckedIOException("no working folder for the video on local disk", e);
        } finally {
            deleteQuietly(workDir);
        }
    }

    private PhotoEntry store(PhotoId id, ObjectEvent event, OriginalFile original, RenderedVideo video) throws IOException {
        String folder = RenditionKeys.folder(id.sourceKey(), original.eTag());
        List<Rendition> poster = new ArrayList<>();
        for (RenderedPhoto.Jpeg jpeg : video.poster()) {
            poster.add(PhotoProcessor.storeJpeg(renditions, folder, jpeg));
        }
        String key = RenditionKeys.key(folder, video.webWidth(), video.webHeight(), "mp4");
        renditions.putVideo(key, video.webVersion());
        Rendition webVersion = new Rendition(key, video.webWidth(), video.webHeight(), Files.size(video.webVersion()));
        return PhotoEntry.ready(id, event.sequencer(), original.eTag(), video.width(), video.height(),
                takenAt(video, original), PhotoDetails.NONE, poster, clock.instant())
                .withVideo(new Video(webVersion, video.durationMillis()));
    }

    /** The camera's local time where it wrote one (iPhones), else the container's UTC time, else the upload. */
    private static TakenAt takenAt(RenderedVideo video, OriginalFile original) {
        return video.recordedLocal().map(t -> TakenAt.camera(t.toLocalDateTime(), Optional.of(t.getOffset())))
                .or(() -> video.recorded().map(t -> TakenAt.camera(LocalDateTime.ofInstant(t, ZoneOffset.UTC),
                        Optional.of(ZoneOffset.UTC))))
                .orElseGet(() -> TakenAt.uploaded(original.lastModified()));
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // /tmp outlives the invocation: say so, as the next video may then find the disk full.
            LOG.warnf(e, "working folder %s not removed", folder);
        }
    }
}
