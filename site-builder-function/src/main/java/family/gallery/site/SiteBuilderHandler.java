package family.gallery.site;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import family.gallery.ingest.batch.SqsBatch;
import family.gallery.site.debounce.Debouncer;

/**
 * Consumes the rebuild queue: album.yml notifications, "catalog changed" notices and the builder's
 * own ticks. Records the changes, then builds if the site is due for one.
 */
@Named("site-builder")
public class SiteBuilderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    ChangeNotices notices;

    @Inject
    Debouncer debouncer;

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        AtomicInteger changes = new AtomicInteger();
        SQSBatchResponse response = SqsBatch.process(event, message -> changes.addAndGet(notices.record(message.getBody())));
        if (changes.get() > 0) {
            debouncer.recordChange();
        }
        // A failure here fails the whole batch, so SQS brings it back to settle again.
        debouncer.settle();
        return response;
    }
}
