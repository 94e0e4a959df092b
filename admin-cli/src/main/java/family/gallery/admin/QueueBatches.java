package family.gallery.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Sends messages to one queue in batches of ten, several batches at once: each batch waits for its
 * answer from SQS, so a lifetime's 10,000 batches one after another would take minutes. When every
 * sender is busy and a few batches wait, the caller sends the next one itself, which holds it back.
 * One caller adds messages.
 */
final class QueueBatches implements AutoCloseable {

    /** SQS's most per batch. */
    private static final int BATCH = 10;
    private static final int PARALLEL_BATCHES = 8;

    private final SqsClient sqs;
    private final String queueUrl;
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(PARALLEL_BATCHES, PARALLEL_BATCHES, 0,
            TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(PARALLEL_BATCHES), new ThreadPoolExecutor.CallerRunsPolicy());
    private final List<Future<List<BatchResultErrorEntry>>> sent = new ArrayList<>();
    private List<SendMessageBatchRequestEntry> batch = new ArrayList<>();

    QueueBatches(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    void add(String body) {
        batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(batch.size())).messageBody(body).build());
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Sends what is left and waits for every batch; a batch that failed as a whole is rethrown. */
    List<BatchResultErrorEntry> refused() {
        submit();
        List<BatchResultErrorEntry> refused = new ArrayList<>();
        for (Future<List<BatchResultErrorEntry>> answer : sent) {
            try {
                refused.addAll(answer.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending to " + queueUrl, e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
        return refused;
    }

    private void submit() {
        if (batch.isEmpty()) {
            return;
        }
        List<SendMessageBatchRequestEntry> entries = batch;
        batch = new ArrayList<>();
        sent.add(senders.submit(() -> sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)).failed()));
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
