package family.gallery.site;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import family.gallery.ingest.batch.SqsBatch;

/** Consumes the rebuild queue: album.yml notifications and "catalog changed" notices. */
@Named("site-builder")
public class SiteBuilderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    ChangeNotices notices;

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process(event, message -> notices.record(message.getBody()));
    }
}
