package family.gallery.resize.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import family.gallery.resize.image.PhotoRenderer;
import family.gallery.resize.video.Ffmpeg;
import family.gallery.resize.video.VideoRenderer;

/**
 * Phone-like 4K HEVC clips (Main 10, 30 and 60 frames a second, with sensor-like noise so they
 * are about as costly to decode as a phone's, 35 to 50 Mbit/s) converted by the video renderer,
 * the function's whole path (probe, web version, poster), and, in the same run, merely decoded
 * by Debian's ffmpeg: the floor any converter pays. Prints seconds per minute of video and the ratio.
 * Arguments: {@code SCRATCH SECONDS_PER_CLIP}.
 */
public final class VideoBenchmark {

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createDirectories(Path.of(args[0]));
        int seconds = Integer.parseInt(args[1]);
        List<Path> clips = new ArrayList<>();
        for (int rate : new int[] {30, 60}) {
            Path clip = scratch.resolve("phone-4k" + rate + "-" + seconds + "s.mov");
            clips.add(clip);
            if (!Files.exists(clip)) {
                System.out.printf("making %s (x265 is slow at 4K; once only) ...%n", clip.getFileName());
                Ffmpeg.Result made = Ffmpeg.onPath().ffmpeg(List.of("-f", "lavfi", "-i",
                        "testsrc2=size=3840x2160:rate=" + rate + ",noise=alls=12:allf=t",
                        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", Integer.toString(seconds),
                        "-c:v", "libx265", "-preset", "ultrafast", "-b:v", rate == 30 ? "35M" : "50M",
                        "-x265-params", "log-level=error", "-pix_fmt", "yuv420p10le", "-tag:v", "hvc1", "-c:a", "aac",
                        clip.toString()), Instant.now().plusSeconds(3600));
                if (made.exitCode() != 0) {
                    throw new IllegalStateException("making the clip failed: " + made.lastError());
                }
            }
        }
        VideoRenderer renderer = new VideoRenderer(Ffmpeg.onPath(), new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS),
                VideoRenderer.Settings.DEFAULTS);
        System.out.printf(Locale.ROOT, "%d CPUs; %d s clips%n", Runtime.getRuntime().availableProcessors(), seconds);
        System.out.printf(Locale.ROOT, "%-26s %10s %16s %16s %8s%n", "clip", "Mbit/s", "ours s/min", "decode s/min",
                "ratio");
        for (Path clip : clips) {
            double mbits = Files.size(clip) * 8 / 1e6 / seconds;
            Path work = Files.createDirectories(scratch.resolve("work"));
            long started = System.nanoTime();
            renderer.render(clip, work, Instant.now().plusSeconds(3600));
            double ours = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            Ffmpeg.Result decoded = Ffmpeg.onPath().ffmpeg(List.of("-i", clip.toString(), "-f", "null", "-"),
                    Instant.now().plusSeconds(3600));
            double decode = (System.nanoTime() - started) / 1e9;
            if (decoded.exitCode() != 0) {
                throw new IllegalStateException("decoding failed: " + decoded.lastError());
            }
            System.out.printf(Locale.ROOT, "%-26s %10.1f %16.1f %16.1f %8.2f%n", clip.getFileName(), mbits,
                    ours * 60 / seconds, decode * 60 / seconds, ours / decode);
            for (Path file : List.of(work.resolve("web.mp4"), work.resolve("poster.png"))) {
                Files.deleteIfExists(file);
            }
        }
    }
}
