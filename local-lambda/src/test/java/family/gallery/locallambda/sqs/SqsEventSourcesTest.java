package family.gallery.locallambda.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import family.gallery.locallambda.FunctionDefinition;
import family.gallery.locallambda.LocalLambda;
import family.gallery.locallambda.LocalLambdaOptions;
import family.gallery.locallambda.TestFunctions;

import software.amazon.awssdk.services.sqs.model.Message;

/** The scripted test function behind SQS event source mappings on an embedded ElasticMQ. */
class SqsEventSourcesTest {

    private static final String FUNCTION = "Scripted";
    private static final int TIMEOUT_SECONDS = 2;
    private static final int VISIBILITY_SECONDS = 3;
    private static final int MAX_RECEIVE_COUNT = 3;

    private static LocalSqs sqs;

    @TempDir
    Path workDir;
    @TempDir
    Path stateDir;

    private LocalLambda lambda;
    private SqsEventSources sources;

    @BeforeAll
    static void startSqs() {
        sqs = new LocalSqs();
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
    }

    @AfterEach
    void stop() {
        if (sources != null) {
            sources.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    /** Starts the function and warms one process, so a cold start does not eat the visibility timeout. */
    private void startFunction() {
        FunctionDefinition function = TestFunctions.scripted(FUNCTION, TIMEOUT_SECONDS, stateDir);
        lambda = LocalLambda.start(LocalLambdaOptions.defaults(workDir, LocalSqs.REGION, Map.of()), List.of(function));
        assertTrue(lambda.invoke(FUNCTION, "{\"Records\":[]}").succeeded());
    }

    private void map(LocalSqs.QueuePair queue, int batchSize, int windowSeconds, boolean reportBatchItemFailures,
            OptionalInt maximumConcurrency) {
        sources = SqsEventSources.start(lambda, sqs.client, List.of(new SqsEventSourceMapping(FUNCTION, queue.arn(),
                batchSize, windowSeconds, reportBatchItemFailures, maximumConcurrency, true)));
    }

    @Test
    void aFailingRecordReachesTheDeadLetterQueueAfterMaxReceiveCountAndTheOthersRunOnce() {
        startFunction();
        LocalSqs.QueuePair queue = sqs.queueWithDeadLetterQueue(VISIBILITY_SECONDS, MAX_RECEIVE_COUNT);
        sqs.send(queue.url(), "ok:1", "ok:2", "fail:bad", "ok:3", "ok:4");

        map(queue, 10, 1, true, OptionalInt.empty());

        await(() -> sqs.messagesLeft(queue.url()) == 0, Duration.ofSeconds(60), "the queue to drain");
        List<Message> deadLetters = sqs.receiveAll(queue.deadLetterUrl());
        assertEquals(List.of("fail:bad"), deadLetters.stream().map(Message::body).toList());
        assertEquals(MAX_RECEIVE_COUNT, count("failed", "fail:bad"));
        pause(Duration.ofSeconds(VISIBILITY_SECONDS + 1));
        for (String body : List.of("ok:1", "ok:2", "ok:3", "ok:4")) {
            assertEquals(1, count("processed", body), body);
        }
    }

    @Test
    void withoutReportBatchItemFailuresAReturnedFailureStillDeletesTheBatch() {
        startFunction();
        LocalSqs.QueuePair queue = sqs.queueWithDeadLetterQueue(VISIBILITY_SECONDS, MAX_RECEIVE_COUNT);
        sqs.send(queue.url(), "fail:ignored", "ok:kept");

        map(queue, 10, 1, false, OptionalInt.empty());

        await(() -> sqs.messagesLeft(queue.url()) == 0, Duration.ofSeconds(30), "the queue to drain");
        pause(Duration.ofSeconds(VISIBILITY_SECONDS + 1));
        assertEquals(1, count("failed", "fail:ignored"));
        assertEquals(1, count("processed", "ok:kept"));
        assertEquals(0, sqs.messagesLeft(queue.deadLetterUrl()));
    }

    @Test
    void aFailureNamingAnItemOutsideTheBatchFailsTheWholeBatch() {
        startFunction();
        LocalSqs.QueuePair queue = sqs.queueWithDeadLetterQueue(VISIBILITY_SECONDS, MAX_RECEIVE_COUNT);
        sqs.send(queue.url(), "report:no-such-message", "ok:neighbour");

        map(queue, 10, 1, true, OptionalInt.empty());

        await(() -> sqs.messagesLeft(queue.deadLetterUrl()) == 2, Duration.ofSeconds(60),
                "both messages in the dead-letter queue");
        assertEquals(MAX_RECEIVE_COUNT, count("processed", "ok:neighbour"));
    }

    @Test
    void anErrorLeavesTheWholeBatchToBeRetried() {
        startFunction();
        LocalSqs.QueuePair queue = sqs.queueWithDeadLetterQueue(VISIBILITY_SECONDS, MAX_RECEIVE_COUNT);
        sqs.send(queue.url(), "throw", "ok:neighbour");

        map(queue, 10, 1, true, OptionalInt.empty());

        await(() -> sqs.messagesLeft(queue.deadLetterUrl()) == 2, Duration.ofSeconds(60),
                "both messages in the dead-letter queue");
        assertEquals(0, sqs.messagesLeft(queue.url()));
    }

    @ParameterizedTest
    @CsvSource({"crash-once:c, crashing", "hang-once:h, hanging"})
    void aCrashOrATimeoutEndsTheProcessAndTheBatchIsRetriedInANewOne(String body, String firstAttempt) {
        startFunction();
        // The retry starts a new process: on a loaded machine its start must not outlast the
        // visibility timeout, or SQS rightly delivers the message a third time.
        LocalSqs.QueuePair queue = sqs.queueWithDeadLetterQueue(VISIBILITY_SECONDS * 2, MAX_RECEIVE_COUNT);
        sqs.send(queue.url(), body, "ok:neighbour");

        map(queue, 10, 1, true, OptionalInt.empty());

        await(() -> sqs.messagesLeft(queue.url()) == 0, Duration.ofSeconds(60), "the queue to drain");
        assertEquals(0, sqs.messagesLeft(queue.deadLetterUrl()));
        assertEquals(1, count(firstAttempt, body));
        assertEquals(1, count("processed", body));
        String failedProcess = pid(firstAttempt, body);
        assertNotEquals(failedProcess, pid("processed", body));
        assertFalse(ProcessHandle.of(Long.parseLong(failedProcess)).map(ProcessHandle::isAlive).orElse(false),
                "the failed process is gone");
        assertTrue(count("processed", "ok:neighbour") >= 1);
    }

    @Test
    void maximumConcurrencyBoundsConcurrentInvocations() {
        startFunction();
        LocalSqs.QueuePair queue = sqs.queueWithDeadLetterQueue(VISIBILITY_SECONDS * 3, MAX_RECEIVE_COUNT);
        for (int i = 0; i < 6; i++) {
            sqs.send(queue.url(), "hold:1500");
        }

        map(queue, 1, 0, true, OptionalInt.of(2));

        await(() -> sqs.messagesLeft(queue.url()) == 0, Duration.ofSeconds(60), "the queue to drain");
        List<Integer> observed = journal().stream().filter(line -> line.startsWith("concurrency "))
                .map(line -> Integer.parseInt(line.substring("concurrency ".length()))).toList();
        assertEquals(6, observed.size());
        assertEquals(2, observed.stream().mapToInt(Integer::intValue).max().orElseThrow(), "most at once: " + observed);
        assertEquals(2, lambda.environments(FUNCTION));
    }

    @Test
    void theBatchingWindowGathersMessagesIntoOneBatchUpToTheBatchSize() {
        startFunction();
        LocalSqs.QueuePair queue = sqs.queueWithDeadLetterQueue(10, MAX_RECEIVE_COUNT);
        map(queue, 4, 3, true, OptionalInt.empty());

        sqs.send(queue.url(), "ok:w1");
        pause(Duration.ofMillis(800));
        sqs.send(queue.url(), "ok:w2", "ok:w3");
        await(() -> count("processed", "ok:w3") == 1, Duration.ofSeconds(30), "the gathered batch");
        sqs.send(queue.url(), "ok:s1", "ok:s2", "ok:s3", "ok:s4", "ok:s5", "ok:s6");
        await(() -> sqs.messagesLeft(queue.url()) == 0, Duration.ofSeconds(30), "the queue to drain");

        List<Integer> batchSizes = journal().stream().filter(line -> line.startsWith("invocation "))
                .map(line -> Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1))).skip(1).toList();
        assertEquals(3, batchSizes.get(0), "the first three messages in one batch: " + batchSizes);
        assertTrue(batchSizes.stream().allMatch(size -> size <= 4), "never more than the batch size: " + batchSizes);
        assertEquals(9, batchSizes.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void stoppingWaitsForTheBatchUnderWayAndThenPollsNoMore() {
        startFunction();
        LocalSqs.QueuePair queue = sqs.queueWithDeadLetterQueue(VISIBILITY_SECONDS, MAX_RECEIVE_COUNT);
        map(queue, 1, 0, true, OptionalInt.empty());
        sqs.send(queue.url(), "hold:1500");
        await(() -> journal().stream().anyMatch(line -> line.startsWith("concurrency ")), Duration.ofSeconds(30),
                "the invocation to start");

        sources.close();

        assertEquals(1, count("processed", "hold:1500"));
        assertEquals(0, sqs.messagesLeft(queue.url()));
        sqs.send(queue.url(), "ok:after-stop");
        pause(Duration.ofSeconds(2));
        assertEquals(0, count("processed", "ok:after-stop"));
        assertEquals(1, sqs.messagesLeft(queue.url()));
    }

    @Test
    void aQueueWhoseVisibilityTimeoutIsShorterThanTheFunctionTimeoutIsRefused() {
        startFunction();
        LocalSqs.QueuePair queue = sqs.queueWithDeadLetterQueue(TIMEOUT_SECONDS - 1, MAX_RECEIVE_COUNT);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> map(queue, 10, 0, true, OptionalInt.empty()));
        assertTrue(refused.getMessage().contains("less than Function timeout"), refused.getMessage());
    }

    private List<String> journal() {
        return TestFunctions.journal(stateDir);
    }

    private long count(String event, String body) {
        return journal().stream().filter(line -> line.matches(event + " \\S+ " + java.util.regex.Pattern.quote(body) + " pid=\\d+"))
                .count();
    }

    private String pid(String event, String body) {
        return journal().stream().filter(line -> line.matches(event + " \\S+ " + java.util.regex.Pattern.quote(body) + " pid=\\d+"))
                .findFirst().orElseThrow().replaceAll(".* pid=", "");
    }

    private static void await(BooleanSupplier condition, Duration limit, String what) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("gave up waiting for " + what + " after " + limit.toSeconds() + " s");
            }
            pause(Duration.ofMillis(200));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
