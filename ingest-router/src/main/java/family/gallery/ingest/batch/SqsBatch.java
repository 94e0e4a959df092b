package family.gallery.ingest.batch;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * Lambda's partial batch response for SQS: each message is handled on its own and only the ones
 * that failed are returned, so SQS retries those and deletes the rest. Needs
 * {@code FunctionResponseTypes: [ReportBatchItemFailures]} on the event source mapping.
 */
public final class SqsBatch {

    private static final Logger LOG = Logger.getLogger(SqsBatch.class);

    /** Handles one message; throwing marks it failed. */
    @FunctionalInterface
    public interface MessageHandler {
        void handle(SQSEvent.SQSMessage message) throws Exception;
    }

    private SqsBatch() {
    }

    public static SQSBatchResponse process(SQSEvent event, MessageHandler handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : messages) {
            try {
                handler.handle(message);
            } catch (Exception e) {
                LOG.errorf(e, "message %s failed and will be retried: %s", message.getMessageId(), e.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
