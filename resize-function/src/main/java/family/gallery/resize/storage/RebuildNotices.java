package family.gallery.resize.storage;

import family.gallery.ingest.Routing;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Tells the site builder, through the rebuild queue, that the catalog changed. */
public final class RebuildNotices {

    private final SqsClient sqs;
    private final String queueUrl;

    public RebuildNotices(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void catalogChanged() {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(Routing.CATALOG_CHANGED));
    }
}
