package family.gallery.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One preview with the sample albums for every test class of this JVM that asks for it, started on
 * first use and stopped, its data deleted, when the JVM ends: starting the functions is what takes
 * the time.
 */
public final class RunningPreview implements ParameterResolver {

    /** Long enough that a burst of uploads on a busy test machine stays one burst. */
    static final int QUIET_PERIOD_SECONDS = 10;
    public static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

    private static Preview shared;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Preview.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared();
    }

    private static synchronized Preview shared() {
        if (shared == null) {
            Path data = createTemporaryDirectory();
            Preview preview = Preview.start(new PreviewOptions(data, 0, 0, QUIET_PERIOD_SECONDS, List.of()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                preview.close();
                deleteRecursively(data);
            }, "preview-tests-shutdown"));
            shared = preview;
        }
        awaitSettled(shared);
        return shared;
    }

    /** Waits until the pipeline has nothing left to do and returns where it stands. */
    public static PipelineProgress awaitSettled(Preview preview) {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        PipelineProgress progress = preview.progress();
        while (!progress.settled()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the preview did not settle within " + SETTLE_TIMEOUT + ": "
                        + progress.describe(Instant.now()));
            }
            sleep(Duration.ofMillis(500));
            progress = preview.progress();
        }
        return progress;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("gallery-preview");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e);
        }
    }
}
