package family.gallery.site.debounce;

import java.time.Duration;
import java.time.Instant;

import software.amazon.awssdk.services.sqs.SqsClient;

/** The builder's reminders to itself: a message on its own queue, delayed until a build may be due. */
public final class BuildTicks {

    public static final String TICK = "{\"type\":\"build-tick\"}";
    /** The longest delay SQS allows. */
    static final long MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String rebuildQueueUrl;

    public BuildTicks(SqsClient sqs, String rebuildQueueUrl) {
        this.sqs = sqs;
        this.rebuildQueueUrl = rebuildQueueUrl;
    }

    /** Sends a tick that arrives no earlier than {@code due}. */
    public void sendAt(Instant due, Instant now) {
        long millis = Math.max(0, Duration.between(now, due).toMillis());
        int delay = (int) Math.min(MAX_DELAY_SECONDS, (millis + 999) / 1000);
        sqs.sendMessage(r -> r.queueUrl(rebuildQueueUrl).messageBody(TICK).delaySeconds(delay));
    }
}
