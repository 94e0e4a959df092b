package family.gallery.locallambda.sqs;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import family.gallery.locallambda.InvocationResult;
import family.gallery.locallambda.LocalLambda;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The poller behind one SQS event source mapping. It gathers a batch (up to the batch size, for at
 * most the batching window after the first message), invokes the function with it while fewer than
 * the allowed number of invocations run, and deletes the messages that succeeded. Messages that
 * failed are left alone: they reappear after the queue's visibility timeout, and the queue's redrive
 * policy moves them to its dead-letter queue after maxReceiveCount receives.
 */
final class SqsPoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SqsPoller.class.getName());
    /** Short long-polls, so that stopping never waits long; each costs nothing on a local queue. */
    private static final int POLL_SECONDS = 1;
    private static final int MAX_MESSAGES_PER_RECEIVE = 10;

    private final SqsEventSourceMapping mapping;
    private final LocalLambda lambda;
    private final SqsClient sqs;
    private final String queueUrl;
    private final Semaphore concurrency;
    private final ExecutorService invocations;
    private final Thread thread;
    private final Duration visibilityTimeout;
    /** Failed messages by id, until they are received again or have surely moved on. */
    private final Map<String, AwaitingRetry> awaitingRetry = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    SqsPoller(SqsEventSourceMapping mapping, LocalLambda lambda, SqsClient sqs) {
        this.mapping = mapping;
        this.lambda = lambda;
        this.sqs = sqs;
        this.queueUrl = sqs.getQueueUrl(request -> request.queueName(mapping.queueName())).queueUrl();
        this.visibilityTimeout = checkVisibilityTimeout();
        int limit = Math.min(mapping.maximumConcurrency().orElse(Integer.MAX_VALUE),
                lambda.concurrencyLimit(mapping.functionName()));
        this.concurrency = new Semaphore(limit);
        this.invocations = Executors.newCachedThreadPool(daemon("sqs-invoke-" + mapping.functionName()));
        this.thread = daemon("sqs-poll-" + mapping.queueName()).newThread(this::poll);
        thread.start();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Lambda refuses a mapping whose queue would let a message reappear while the function still runs.
     *
     * @return the queue's visibility timeout
     */
    private Duration checkVisibilityTimeout() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes();
        int visibility = Integer.parseInt(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        int timeout = lambda.function(mapping.functionName()).timeoutSeconds();
        if (visibility < timeout) {
            throw new IllegalArgumentException("Queue visibility timeout: " + visibility
                    + " seconds is less than Function timeout: " + timeout + " seconds (" + mapping.queueArn() + ")");
        }
        return Duration.ofSeconds(visibility);
    }

    /** The messages of this queue that failed and wait out their visibility timeout. */
    List<AwaitingRetry> awaitingRetry() {
        Instant forgotten = Instant.now().minusSeconds(60);
        awaitingRetry.values().removeIf(message -> message.visibleAgain().isBefore(forgotten));
        return List.copyOf(awaitingRetry.values());
    }

    private void poll() {
        while (!stopping) {
            try {
                if (!concurrency.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            List<Message> batch;
            try {
                batch = gather();
            } catch (RuntimeException e) {
                concurrency.release();
                LOG.log(Level.WARNING, "polling " + mapping.queueArn() + " failed: " + e);
                pause(1000);
                continue;
            }
            if (batch.isEmpty()) {
                concurrency.release();
            } else if (stopping) {
                concurrency.release();
                makeVisible(batch);
            } else {
                Instant received = Instant.now();
                invocations.execute(() -> {
                    try {
                        deliver(batch, received);
                    } finally {
                        concurrency.release();
                    }
                });
            }
        }
    }

    /** Up to a batch: without a window, what one receive gives; with one, until it is full or the window closes. */
    private List<Message> gather() {
        List<Message> batch = new ArrayList<>();
        long windowNanos = TimeUnit.SECONDS.toNanos(mapping.maximumBatchingWindowSeconds());
        long windowEnd = 0;
        while (batch.size() < mapping.batchSize() && !stopping) {
            int waitSeconds = POLL_SECONDS;
            if (!batch.isEmpty()) {
                long remaining = windowEnd - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                waitSeconds = (int) Math.min(20, TimeUnit.NANOSECONDS.toSeconds(remaining));
            }
            List<Message> received = receive(Math.min(MAX_MESSAGES_PER_RECEIVE, mapping.batchSize() - batch.size()),
                    waitSeconds);
            if (batch.isEmpty()) {
                if (received.isEmpty()) {
                    return batch;
                }
                windowEnd = System.nanoTime() + windowNanos;
            }
            batch.addAll(received);
            if (windowNanos == 0) {
                break;
            }
            if (received.isEmpty() && waitSeconds == 0) {
                pause(Math.max(0, Math.min(50, TimeUnit.NANOSECONDS.toMillis(windowEnd - System.nanoTime()))));
            }
        }
        return batch;
    }

    private List<Message> receive(int maxMessages, int waitSeconds) {
        return sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                .maxNumberOfMessages(maxMessages)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNamesWithStrings("All")
                .messageAttributeNames("All")).messages();
    }

    private void deliver(List<Message> batch, Instant received) {
        batch.forEach(message -> awaitingRetry.remove(message.messageId()));
        String event = SqsEvents.event(batch, mapping.queueArn(), lambda.region());
        InvocationResult result;
        try {
            result = lambda.invoke(mapping.functionName(), event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "invoking " + mapping.functionName() + " failed: " + e.getMessage());
            awaitRetry(batch, received);
            return;
        }
        if (!result.succeeded()) {
            LOG.log(Level.INFO, mapping.functionName() + " failed a batch of " + batch.size() + " from "
                    + mapping.queueName() + ": " + result.error().errorType() + ": " + result.error().errorMessage());
        }
        Set<String> succeeded = BatchOutcome.succeeded(batch.stream().map(Message::messageId).toList(), result,
                mapping.reportBatchItemFailures());
        delete(batch.stream().filter(message -> succeeded.contains(message.messageId())).toList());
        awaitRetry(batch.stream().filter(message -> !succeeded.contains(message.messageId())).toList(), received);
    }

    private void awaitRetry(List<Message> failed, Instant received) {
        Instant visibleAgain = received.plus(visibilityTimeout);
        failed.forEach(message -> awaitingRetry.put(message.messageId(),
                new AwaitingRetry(mapping.queueName(), message.messageId(), message.body(), visibleAgain)));
    }

    private void delete(List<Message> messages) {
        forEachChunk(messages, chunk -> {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            return sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries)).failed();
        });
    }

    /** Hands back messages gathered while stopping, so they need not wait out their visibility timeout. */
    private void makeVisible(List<Message> messages) {
        forEachChunk(messages, chunk -> {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(0).build());
            }
            return sqs.changeMessageVisibilityBatch(request -> request.queueUrl(queueUrl).entries(entries)).failed();
        });
    }

    private void forEachChunk(List<Message> messages, Function<List<Message>, List<BatchResultErrorEntry>> call) {
        for (int from = 0; from < messages.size(); from += MAX_MESSAGES_PER_RECEIVE) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_MESSAGES_PER_RECEIVE));
            try {
                for (BatchResultErrorEntry failure : call.apply(chunk)) {
                    LOG.log(Level.WARNING, mapping.queueName() + ": message " + chunk.get(Integer.parseInt(failure.id()))
                            .messageId() + " not settled: " + failure.code() + " " + failure.message());
                }
            } catch (SdkException e) {
                LOG.log(Level.WARNING, mapping.queueName() + ": " + e.getMessage());
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling, then waits for the invocations under way to finish and settle their messages. */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(POLL_SECONDS + 30L));
            invocations.shutdown();
            long timeout = lambda.function(mapping.functionName()).timeoutSeconds() + 10L;
            if (!invocations.awaitTermination(timeout, TimeUnit.SECONDS)) {
                invocations.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
