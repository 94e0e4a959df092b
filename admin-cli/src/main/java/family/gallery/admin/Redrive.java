package family.gallery.admin;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@Command(name = "redrive", description = "Move the messages of the dead-letter queues back to the queues they came from.")
final class Redrive extends PipelineCommand {

    /** A queue of the pipeline and its dead-letter queue, as template.yaml pairs them. */
    private record Pair(String name, String queue, String deadLetterQueue) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("resize", StackResources.RESIZE_QUEUE, StackResources.RESIZE_DEAD_LETTER_QUEUE),
            new Pair("video", StackResources.VIDEO_QUEUE, StackResources.VIDEO_DEAD_LETTER_QUEUE),
            new Pair("rebuild", StackResources.REBUILD_QUEUE, StackResources.REBUILD_DEAD_LETTER_QUEUE));

    @Option(names = "--queue", paramLabel = "resize|video|rebuild", description = "Only this queue's dead letters (default: all).")
    String queue;

    @Override
    public Integer call() {
        List<Pair> pairs = PAIRS.stream().filter(pair -> queue == null || pair.name().equals(queue)).toList();
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("Unknown queue \"" + queue + "\": give resize, video or rebuild.");
        }
        for (Pair pair : pairs) {
            int moved = move(queueUrl(pair.deadLetterQueue()), queueUrl(pair.queue()));
            out().printf("Moved %s from %s to %s.%n", count(moved, "message"), pair.deadLetterQueue(), pair.queue());
        }
        return 0;
    }

    /**
     * Receives, sends on and deletes until the dead-letter queue gives no more. SQS's own
     * StartMessageMoveTask (ElasticMQ has it too) runs in the background and counts approximately;
     * this way the count is exact and the command ends when the move has. A message is deleted only
     * after it was sent, so a failure can at worst duplicate one, which the pipeline absorbs.
     */
    private int move(String from, String to) {
        SqsClient sqs = services().sqs();
        int moved = 0;
        while (true) {
            // Long polling asks every SQS server, so an empty answer means an empty queue; received
            // messages stay hidden for a minute, long enough to be sent and deleted.
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(from).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(60).messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                return moved;
            }
            for (Message message : messages) {
                sqs.sendMessage(r -> r.queueUrl(to).messageBody(message.body()).messageAttributes(message.messageAttributes()));
                sqs.deleteMessage(r -> r.queueUrl(from).receiptHandle(message.receiptHandle()));
                moved++;
            }
        }
    }
}
