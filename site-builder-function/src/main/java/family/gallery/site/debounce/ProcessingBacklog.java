package family.gallery.site.debounce;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * How many originals still wait for their renditions: the visible and in-flight messages of the
 * resize queue (photos) and the video queue (videos, which the resize queue passes on before it
 * lets go of them, so a video is always counted in one of the two).
 */
public final class ProcessingBacklog {

    private static final List<QueueAttributeName> DEPTH = List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);

    private final SqsClient sqs;
    private final List<String> queueUrls;

    /** @param queueUrls the queues to wait for; blank ones are left out (no such queue in this setup) */
    public ProcessingBacklog(SqsClient sqs, List<String> queueUrls) {
        this.sqs = sqs;
        this.queueUrls = queueUrls.stream().map(String::strip).filter(url -> !url.isEmpty()).toList();
    }

    public long pending() {
        long pending = 0;
        for (String queueUrl : queueUrls) {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                    .attributeNames(DEPTH)).attributes();
            pending += DEPTH.stream().mapToLong(name -> Long.parseLong(attributes.getOrDefault(name, "0"))).sum();
        }
        return pending;
    }
}
