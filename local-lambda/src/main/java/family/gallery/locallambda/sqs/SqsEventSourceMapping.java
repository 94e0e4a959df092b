package family.gallery.locallambda.sqs;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * An SQS event source mapping, with the limits Lambda's CreateEventSourceMapping enforces.
 *
 * @param functionName the function it invokes
 * @param queueArn the queue it polls (EventSourceArn)
 * @param batchSize at most this many messages per invocation, 1 to 10000
 * @param maximumBatchingWindowSeconds how long to gather messages towards a full batch, 0 to 300;
 *        at least 1 when the batch size is over 10
 * @param reportBatchItemFailures whether the function's {@code batchItemFailures} are honoured
 *        (FunctionResponseTypes ReportBatchItemFailures)
 * @param maximumConcurrency ScalingConfig.MaximumConcurrency, 2 to 1000; empty for no limit of its own
 * @param enabled a disabled mapping does not poll
 */
public record SqsEventSourceMapping(String functionName, String queueArn, int batchSize,
        int maximumBatchingWindowSeconds, boolean reportBatchItemFailures, OptionalInt maximumConcurrency,
        boolean enabled) {

    public SqsEventSourceMapping {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(queueArn, "queueArn");
        Objects.requireNonNull(maximumConcurrency, "maximumConcurrency");
        String where = "event source mapping of " + functionName + " on " + queueArn + ": ";
        if (!queueArn.matches("arn:[^:]+:sqs:[^:]*:[^:]*:[^:]+")) {
            throw new IllegalArgumentException(where + "the queue must be an SQS queue ARN");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException(where + "BatchSize must be 1 to 10000, got " + batchSize);
        }
        if (maximumBatchingWindowSeconds < 0 || maximumBatchingWindowSeconds > 300) {
            throw new IllegalArgumentException(where + "MaximumBatchingWindowInSeconds must be 0 to 300, got "
                    + maximumBatchingWindowSeconds);
        }
        if (batchSize > 10 && maximumBatchingWindowSeconds < 1) {
            throw new IllegalArgumentException(where + "a BatchSize over 10 needs a MaximumBatchingWindowInSeconds of at least 1");
        }
        maximumConcurrency.ifPresent(limit -> {
            if (limit < 2 || limit > 1000) {
                throw new IllegalArgumentException(where + "ScalingConfig.MaximumConcurrency must be 2 to 1000, got " + limit);
            }
        });
    }

    /** The queue's name: the last part of its ARN. */
    public String queueName() {
        return queueArn.substring(queueArn.lastIndexOf(':') + 1);
    }
}
