package family.gallery.resize;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * Consumes the video queue, one message at a time: the same package as the resize function, chosen
 * by {@code QUARKUS_LAMBDA_HANDLER=video} in the video function's environment.
 */
@Named("video")
public class VideoHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    @Named("videos")
    MediaBatch batch;

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, Deadlines.of(context));
    }
}
