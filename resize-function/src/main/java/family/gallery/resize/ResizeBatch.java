package family.gallery.resize;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.S3EventMessages;
import family.gallery.ingest.batch.SqsBatch;
import family.gallery.resize.storage.RebuildNotices;

/**
 * One batch from the resize queue: each message on its own (a failure is reported for that message
 * only), then one "catalog changed" notice when anything changed. If the notice cannot be sent, the
 * messages that changed the catalog are reported failed; on their retry they find their change
 * already recorded, and a retried message in that state announces it again.
 */
public final class ResizeBatch {

    private static final Logger LOG = Logger.getLogger(ResizeBatch.class);

    private final PhotoUpdater updater;
    private final RebuildNotices notices;

    public ResizeBatch(PhotoUpdater updater, RebuildNotices notices) {
        this.updater = updater;
        this.notices = notices;
    }

    public SQSBatchResponse process(SQSEvent event) {
        List<String> announcing = new ArrayList<>();
        SQSBatchResponse response = SqsBatch.process(event, message -> {
            boolean announce = false;
            for (ObjectEvent objectEvent : S3EventMessages.parse(message.getBody())) {
                Outcome outcome = updater.apply(objectEvent);
                announce |= outcome == Outcome.CHANGED || outcome == Outcome.ALREADY_RECORDED && isRetry(message);
            }
            if (announce) {
                announcing.add(message.getMessageId());
            }
        });
        if (!announcing.isEmpty()) {
            try {
                notices.catalogChanged();
            } catch (RuntimeException e) {
                LOG.errorf(e, "catalog-changed notice not sent; %d messages will be retried to send it", announcing.size());
                announcing.forEach(id -> response.getBatchItemFailures().add(new SQSBatchResponse.BatchItemFailure(id)));
            }
        }
        return response;
    }

    private static boolean isRetry(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        return count != null && !count.equals("1");
    }
}
