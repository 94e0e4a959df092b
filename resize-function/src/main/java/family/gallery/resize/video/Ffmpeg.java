package family.gallery.resize.video;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffmpeg and ffprobe as found on the PATH: on AWS Lambda the ffmpeg layer's {@code /opt/bin},
 * in the local stack and the tests Debian's {@code /usr/bin}. Both run with a deadline and are
 * killed when it passes, so a long video can never outlive the function silently.
 */
public final class Ffmpeg {

    /** What a finished command printed. */
    public record Result(int exitCode, String stdout, String stderr) {

        /** The last line of the error output that says something, for a reason shown to people. */
        public String lastError() {
            String[] lines = stderr.strip().split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (!line.isEmpty() && !line.startsWith("Conversion failed")) {
                    return line;
                }
            }
            return "exit code " + exitCode;
        }
    }

    /** The command did not end before its deadline and was killed. */
    public static final class DeadlineExceeded extends Exception {
        DeadlineExceeded(String command) {
            super(command + " did not finish before its deadline and was stopped");
        }
    }

    private final String ffmpeg;
    private final String ffprobe;

    public Ffmpeg(String ffmpeg, String ffprobe) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
    }

    /** The tools as named on the PATH. */
    public static Ffmpeg onPath() {
        return new Ffmpeg("ffmpeg", "ffprobe");
    }

    /** ffprobe's JSON description of the file's container and streams. */
    public Result probe(Path file, Instant deadline) throws DeadlineExceeded {
        return run(List.of(ffprobe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                file.toString()), deadline);
    }

    /** ffmpeg with these arguments after the ones that keep it quiet and non-interactive. */
    public Result ffmpeg(List<String> arguments, Instant deadline) throws DeadlineExceeded {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(arguments);
        return run(command, deadline);
    }

    private static Result run(List<String> command, Instant deadline) throws DeadlineExceeded {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " could not be started; it must be on the PATH ("
                    + "on AWS the ffmpeg layer provides it): " + e.getMessage(), e);
        }
        CompletableFuture<String> stdout = readAll(process.getInputStream());
        CompletableFuture<String> stderr = readAll(process.getErrorStream());
        try {
            long waitMillis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!process.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new DeadlineExceeded(command.get(0));
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + command.get(0) + " ran", e);
        }
    }

    /** Drains a pipe on its own thread, so a chatty process never blocks on a full pipe. */
    private static CompletableFuture<String> readAll(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(new UncheckedIOException(e));
            }
        }, "ffmpeg-output");
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}
