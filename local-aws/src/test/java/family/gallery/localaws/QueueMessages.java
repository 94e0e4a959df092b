package family.gallery.localaws;

import java.util.ArrayList;
import java.util.List;

/** Reads queues of the local stack in tests. */
final class QueueMessages {

    private QueueMessages() {
    }

    /**
     * Every message now visible in the queue, deleted as it is read. S3 events are delivered before
     * S3 answers the request that caused them, so nothing is still on its way.
     */
    static List<String> receiveAll(LocalAws stack, String queueUrl) {
        List<String> bodies = new ArrayList<>();
        while (true) {
            var messages = stack.sqs().receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            messages.forEach(message -> {
                bodies.add(message.body());
                stack.sqs().deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            });
        }
    }
}
