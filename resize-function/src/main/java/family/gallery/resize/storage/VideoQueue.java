package family.gallery.resize.storage;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The video queue: the resize function passes on every message about a video, as it came, to the
 * video function, which converts one video at a time with the time and disk that takes.
 */
public final class VideoQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public VideoQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void forward(String messageBody) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(messageBody));
    }
}
