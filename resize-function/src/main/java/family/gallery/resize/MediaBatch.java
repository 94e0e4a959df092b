package family.gallery.resize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.S3EventMessages;
import family.gallery.ingest.batch.SqsBatch;
import family.gallery.resize.storage.RebuildNotices;
import family.gallery.resize.storage.VideoQueue;

/**
 * One batch from the resize or the video queue: each message on its own (a failure is reported for
 * that message only), then one "catalog changed" notice when anything changed. If the notice cannot
 * be sent, the messages that changed the catalog are reported failed; on their retry they find their
 * change already recorded, and a retried message in that state announces it again. The resize
 * queue's batches also pass messages about videos on to the video queue, before acknowledging them,
 * so the site builder, which waits for both queues, always sees a video as pending.
 */
public final class MediaBatch {

    private static final Logger LOG = Logger.getLogger(MediaBatch.class);

    private final CatalogUpdater updater;
    private final RebuildNotices notices;
    private final Optional<VideoQueue> videos;

    /** @param videos where messages about videos go on to; empty in the video function itself */
    public MediaBatch(CatalogUpdater updater, RebuildNotices notices, Optional<VideoQueue> videos) {
        this.updater = updater;
        this.notices = notices;
        this.videos = videos;
    }

    /** @param deadline when the invocation ends */
    public SQSBatchResponse process(SQSEvent event, Instant deadline) {
        List<String> announcing = new ArrayList<>();
        SQSBatchResponse response = SqsBatch.process(event, message -> {
            boolean announce = false;
            boolean aboutVideos = false;
            for (ObjectEvent objectEvent : S3EventMessages.parse(message.getBody())) {
                Outcome outcome = updater.apply(objectEvent, deadline);
                announce |= outcome == Outcome.CHANGED || outcome == Outcome.ALREADY_RECORDED && isRetry(message);
                aboutVideos |= objectEvent.mediaKey().kind() == MediaKey.Kind.VIDEO;
            }
            if (aboutVideos && videos.isPresent()) {
                videos.get().forward(message.getBody());
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
