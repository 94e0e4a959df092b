package family.gallery.site.debounce;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** How many photos still wait for their renditions: the resize queue's visible and in-flight messages. */
public final class ResizeBacklog {

    private static final List<QueueAttributeName> DEPTH = List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);

    private final SqsClient sqs;
    private final String resizeQueueUrl;

    /** @param resizeQueueUrl blank when there is no resize queue to wait for */
    public ResizeBacklog(SqsClient sqs, String resizeQueueUrl) {
        this.sqs = sqs;
        this.resizeQueueUrl = resizeQueueUrl == null ? "" : resizeQueueUrl.strip();
    }

    public long pending() {
        if (resizeQueueUrl.isEmpty()) {
            return 0;
        }
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(resizeQueueUrl)
                .attributeNames(DEPTH)).attributes();
        return DEPTH.stream().mapToLong(name -> Long.parseLong(attributes.getOrDefault(name, "0"))).sum();
    }
}
