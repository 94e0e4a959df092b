package family.gallery.zip;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import family.gallery.ingest.batch.SqsBatch;

/** Consumes the zip queue: each message names the folder of an album's ZIP manifest, e.g. {@code a/family/zips/<digest>/}. */
@Named("album-zip")
public class AlbumZipHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    AlbumZipper zipper;

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process(event, message -> zipper.make(message.getBody().strip()));
    }
}
