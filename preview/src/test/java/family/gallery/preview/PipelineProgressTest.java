package family.gallery.preview;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import family.gallery.site.build.BuildReport;
import family.gallery.site.build.BuildReports;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The progress line says what the pipeline waits for, when it is not simply working. */
class PipelineProgressTest {

    @Test
    void aCrashedBatchADeadLetterAndAFailedBuildAreNamed(@TempDir Path data, @TempDir Path pictures) {
        Path album = pictures.resolve("Crash");
        SampleAlbums.writeSeries(album, 12);
        try (Preview preview = Preview.start(new PreviewOptions(data, 0, 0, RunningPreview.QUIET_PERIOD_SECONDS,
                List.of(album)))) {
            // The resize function's process dies in the middle of a batch, as when the machine kills it.
            Instant inFlight = Instant.now().plusSeconds(90);
            while (resizesInFlight(preview) == 0) {
                assertTrue(Instant.now().isBefore(inFlight), "no batch reached the resize function within 90 s");
                RunningPreview.sleep(Duration.ofMillis(10));
            }
            ProcessHandle.current().descendants()
                    .filter(process -> process.info().commandLine().orElse("").contains("ResizeFunction"))
                    .forEach(ProcessHandle::destroyForcibly);
            PipelineProgress crashed = await(preview, progress -> !progress.retries().keys().isEmpty(), "a retry");
            String line = crashed.describe(Instant.now());
            assertTrue(line.contains("; an attempt failed, retried in about 12 min: albums/Crash/Photo "), line);
            assertTrue(crashed.retries().nextRetry().orElseThrow().isAfter(Instant.now().plus(Duration.ofMinutes(10))), line);

            preview.stack().sqs().sendMessage(send -> send.queueUrl(preview.stack().queueUrl("VideoDeadLetterQueue"))
                    .messageBody("a video whose conversion crashed three times"));
            PipelineProgress dead = await(preview, progress -> progress.deadLetters() == 1, "the dead letter");
            assertTrue(dead.describe(Instant.now()).contains("; 1 message in a dead-letter queue: ./gallery admin redrive"),
                    dead.describe(Instant.now()));

            new BuildReports(preview.stack().dynamoDb(), preview.stack().tableName("CatalogTable")).save(new BuildReport(
                    Instant.now(), Duration.ofSeconds(2), 1, 0, 0, List.of(), List.of(), 0, List.of(), null,
                    "java.lang.IllegalStateException: the web bucket refused the upload\n\tat somewhere"));
            String failedBuild = preview.progress().describe(Instant.now());
            assertTrue(failedBuild.endsWith("; the last site build failed: java.lang.IllegalStateException: the web"
                    + " bucket refused the upload"), failedBuild);
        }
    }

    private static int resizesInFlight(Preview preview) {
        return Integer.parseInt(preview.stack().sqs().getQueueAttributes(get -> get
                .queueUrl(preview.stack().queueUrl("ResizeQueue"))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static PipelineProgress await(Preview preview, Predicate<PipelineProgress> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            PipelineProgress progress = preview.progress();
            if (condition.test(progress)) {
                return progress;
            }
            RunningPreview.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no " + what + " within 90 s: " + preview.progress().describe(Instant.now()));
    }
}
