package family.gallery.resize.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Video test files made by Debian's ffmpeg (libx264, libx265) at test time: small, a few seconds,
 * with a test pattern and a tone, so nothing binary is kept in the repository.
 */
public final class VideoFixtures {

    private VideoFixtures() {
    }

    /**
     * What an iPhone records held upright: HEVC Main 10 in a QuickTime file, stored landscape and
     * turned a quarter by the track's display matrix, Apple's local creation date and a location.
     */
    public static Path iphoneHevc(Path dir, String name, int width, int height, double seconds) {
        Path stored = dir.resolve("stored-" + name);
        ffmpeg(dir, "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", Double.toString(seconds),
                "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-pix_fmt", "yuv420p10le",
                "-tag:v", "hvc1", "-c:a", "aac", stored.toString());
        Path turned = dir.resolve(name);
        ffmpeg(dir, "-i", stored.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90",
                "-metadata", "com.apple.quicktime.creationdate=2026-07-14T09:21:07+0200",
                "-metadata", "com.apple.quicktime.location.ISO6709=+48.8584+002.2945+035.000/",
                "-metadata", "creation_time=2026-07-14T07:21:07Z", "-movflags", "use_metadata_tags", turned.toString());
        return turned;
    }

    /** An ordinary camera or Android clip: H.264 and AAC in MP4, UTC creation time only. */
    public static Path h264(Path dir, String name, int width, int height, double seconds, int framesPerSecond) {
        Path file = dir.resolve(name);
        ffmpeg(dir, "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=" + framesPerSecond,
                "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=44100", "-t", Double.toString(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-metadata", "creation_time=2025-12-24T18:30:00Z", file.toString());
        return file;
    }

    /** HDR as phones record it: HEVC Main 10 tagged BT.2020 with the HLG transfer. */
    public static Path hlg(Path dir, String name) {
        Path file = dir.resolve(name);
        ffmpeg(dir, "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-t", "1", "-c:v", "libx265",
                "-preset", "ultrafast", "-x265-params", "log-level=error", "-pix_fmt", "yuv420p10le",
                "-color_primaries", "bt2020", "-color_trc", "arib-std-b67", "-colorspace", "bt2020nc", file.toString());
        return file;
    }

    /** Three hours of a tiny picture at one frame a second: long, yet made in seconds. */
    public static Path threeHours(Path dir, String name) {
        Path file = dir.resolve(name);
        ffmpeg(dir, "-f", "lavfi", "-i", "color=c=blue:size=32x32:rate=1", "-t", "10800", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", file.toString());
        return file;
    }

    /** Sound only, in an MP4 container (what an .m4a holds), under a video's name. */
    public static Path audioOnly(Path dir, String name) {
        Path file = dir.resolve(name);
        ffmpeg(dir, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "1", "-c:a", "aac",
                "-f", "mp4", file.toString());
        return file;
    }

    /** The first half of an MP4 whose index comes last, as an interrupted copy leaves it: no {@code moov}. */
    public static Path truncated(Path dir, String name) {
        Path whole = h264(dir, "whole-" + name, 320, 240, 2, 30);
        try {
            byte[] bytes = Files.readAllBytes(whole);
            Path cut = dir.resolve(name);
            Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            return cut;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path text(Path dir, String name) {
        try {
            return Files.writeString(dir.resolve(name), "These are the notes from our holiday.\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs ffprobe and returns what it prints for the entries, e.g. {@code stream=codec_name,width}. */
    public static String probe(Path file, String entries) {
        return run(dir(file), List.of("/usr/bin/ffprobe", "-v", "error", "-show_entries", entries, "-of", "default=nw=1",
                file.toString()));
    }

    /** Every tag ffprobe finds, container and streams, as {@code key=value} lines. */
    public static String tags(Path file) {
        return run(dir(file), List.of("/usr/bin/ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags",
                "-of", "default=nw=1", file.toString()));
    }

    private static Path dir(Path file) {
        return file.toAbsolutePath().getParent();
    }

    private static void ffmpeg(Path dir, String... arguments) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ffmpeg", "-nostdin", "-loglevel", "error", "-y"));
        command.addAll(List.of(arguments));
        run(dir, command);
    }

    private static String run(Path dir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
