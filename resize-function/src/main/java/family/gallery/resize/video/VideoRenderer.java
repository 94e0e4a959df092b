package family.gallery.resize.video;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import family.gallery.resize.image.PhotoRenderer;
import family.gallery.resize.image.RenderedPhoto;
import family.gallery.resize.image.UnrenderablePhotoException;

/**
 * Turns a video file into what the site shows: a web version every browser plays (see
 * {@link WebVersionSettings}) and JPEG renditions of a poster frame, made by the photo renderer from
 * a frame of the web version. The original file is only read.
 */
public final class VideoRenderer {

    /**
     * @param maxDuration longer videos are refused before any conversion starts
     */
    public record Settings(Duration maxDuration) {

        /** 30 minutes; see the README for how long a conversion takes on the function. */
        public static final Settings DEFAULTS = new Settings(Duration.ofMinutes(30));
    }

    /** Where the poster frame is taken: a second in, past a fade from black, or the middle of a shorter clip. */
    private static final long POSTER_AT_MILLIS = 1000;

    private final Ffmpeg ffmpeg;
    private final PhotoRenderer posterRenderer;
    private final Settings settings;

    public VideoRenderer(Ffmpeg ffmpeg, PhotoRenderer posterRenderer, Settings settings) {
        this.ffmpeg = ffmpeg;
        this.posterRenderer = posterRenderer;
        this.settings = settings;
    }

    /**
     * @param original  the video as uploaded
     * @param workDir   an empty folder for the web version and the poster frame; the caller removes it
     * @param deadline  when the work must be done; a conversion still running then is stopped and the video refused
     */
    public RenderedVideo render(Path original, Path workDir, Instant deadline) throws UnplayableVideoException {
        try {
            if (Files.size(original) == 0) {
                throw new UnplayableVideoException("is empty (0 bytes)");
            }
            VideoProbe probe = probe(original, deadline);
            if (probe.durationMillis() <= 0) {
                throw new UnplayableVideoException("has a video track without any frames");
            }
            if (probe.durationMillis() > settings.maxDuration().toMillis()) {
                throw new UnplayableVideoException("runs " + WebVersionSettings.clock(probe.durationMillis())
                        + "; videos up to " + WebVersionSettings.clock(settings.maxDuration().toMillis())
                        + " are converted (MAX_VIDEO_MINUTES)");
            }
            Path webVersion = workDir.resolve("web.mp4");
            Instant started = Instant.now();
            Ffmpeg.Result converted = run(WebVersionSettings.arguments(original.toString(), probe, webVersion.toString()),
                    deadline, probe, started);
            if (converted.exitCode() != 0) {
                throw new UnplayableVideoException("could not be converted: " + converted.lastError());
            }
            int[] size = WebVersionSettings.size(probe.width(), probe.height());
            List<RenderedPhoto.Jpeg> poster = poster(webVersion, workDir, probe, deadline, started);
            return new RenderedVideo(probe.width(), probe.height(), probe.durationMillis(), probe.recordedLocal(),
                    probe.recorded(), poster, webVersion, size[0], size[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("the video's working files could not be read or written", e);
        }
    }

    private VideoProbe probe(Path original, Instant deadline) throws UnplayableVideoException {
        Ffmpeg.Result probed;
        try {
            probed = ffmpeg.probe(original, deadline);
        } catch (Ffmpeg.DeadlineExceeded e) {
            throw new IllegalStateException("ffprobe did not answer in time", e);
        }
        if (probed.exitCode() != 0) {
            throw new UnplayableVideoException(unreadable(probed, original));
        }
        return VideoProbe.parse(probed.stdout());
    }

    /** ffmpeg's words turned into a reason a person can act on. */
    private static String unreadable(Ffmpeg.Result probed, Path original) {
        String lower = probed.stderr().toLowerCase(Locale.ROOT);
        if (!startsWithABox(original)) {
            return "is not a video file ffmpeg can read (the content is not MP4 or QuickTime)";
        }
        if (lower.contains("moov atom not found")) {
            return "is incomplete: its index (the 'moov' box) is missing, so the upload or copy was probably cut short";
        }
        return "could not be read as a video: " + probed.lastError();
    }

    /** MP4 and QuickTime files are boxes; the first one's type (bytes 4 to 8) is one of these. */
    private static boolean startsWithABox(Path file) {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 8) < 8) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
        return List.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot", "uuid").contains(type);
    }

    private Ffmpeg.Result run(List<String> arguments, Instant deadline, VideoProbe probe, Instant started)
            throws UnplayableVideoException {
        try {
            return ffmpeg.ffmpeg(arguments, deadline);
        } catch (Ffmpeg.DeadlineExceeded e) {
            throw new UnplayableVideoException("was still being converted after "
                    + WebVersionSettings.clock(Duration.between(started, Instant.now()).toMillis())
                    + ", the most a conversion may take; it runs " + WebVersionSettings.clock(probe.durationMillis())
                    + " at " + probe.storedWidth() + "x" + probe.storedHeight() + " (see the README for the limits)");
        }
    }

    private List<RenderedPhoto.Jpeg> poster(Path webVersion, Path workDir, VideoProbe probe, Instant deadline,
            Instant started) throws UnplayableVideoException, IOException {
        Path frame = workDir.resolve("poster.png");
        double at = Math.min(POSTER_AT_MILLIS, probe.durationMillis() / 2) / 1000.0;
        Ffmpeg.Result grabbed = run(List.of("-ss", String.format(Locale.ROOT, "%.3f", at), "-i", webVersion.toString(),
                "-frames:v", "1", "-f", "image2", "-c:v", "png", frame.toString()), deadline, probe, started);
        if (grabbed.exitCode() != 0 || !Files.exists(frame) || Files.size(frame) == 0) {
            throw new UnplayableVideoException("converted, but no frame could be taken from it for its poster: "
                    + grabbed.lastError());
        }
        try {
            return posterRenderer.render(Files.readAllBytes(frame)).renditions();
        } catch (UnrenderablePhotoException e) {
            throw new UnplayableVideoException("converted, but its poster frame could not be rendered: " + e.getMessage());
        }
    }
}
