package family.gallery.resize;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Consumes the resize queue: each message is one S3 notification about the source bucket. */
@Named("resize")
public class ResizeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    @Named("photos")
    MediaBatch batch;

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, Deadlines.of(context));
    }
}
