package family.gallery.locallambda.sqs;

import java.time.Instant;

/**
 * A message whose invocation failed (the function threw, crashed or timed out, or reported it
 * failed): it stays in its queue, invisible until its visibility timeout ends, then is received again
 * or, after the redrive policy's receives, moved to the dead-letter queue.
 *
 * @param visibleAgain when the queue hands it out again (from the receive, so approximate)
 */
public record AwaitingRetry(String queueName, String messageId, String body, Instant visibleAgain) {
}
