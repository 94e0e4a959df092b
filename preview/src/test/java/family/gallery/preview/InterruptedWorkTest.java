package family.gallery.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.ingest.ETags;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.Routing;
import family.gallery.ingest.S3EventMessages;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;
import family.gallery.site.debounce.BuildState;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/** Uploads whose messages were lost with the in-memory queues go through the pipeline again. */
class InterruptedWorkTest {

    @Test
    void photosTheCatalogLacksAtTheirCurrentETagAreAnnouncedAgainAndTheSiteRebuildsOnce() {
        try (LocalAws stack = LocalAws.start(LocalAwsConfig.forTests())) {
            String bucket = stack.bucketName("SourceBucket");
            List<String> keys = List.of("albums/Summer/Beach day.jpg", "albums/Summer/Été + mer.png",
                    "albums/Summer/Done.jpg", "albums/Summer/Changed since.jpg", "albums/Summer/.DS_Store",
                    "albums/Summer/album.yml");
            keys.forEach(key -> stack.s3().putObject(put -> put.bucket(bucket).key(key), RequestBody.fromString("bytes of " + key)));
            PhotoCatalog catalog = new PhotoCatalog(stack.dynamoDb(), stack.tableName("CatalogTable"));
            catalog.record(PhotoEntry.failed(PhotoId.of(MediaKey.of("albums/Summer/Done.jpg")), "01",
                    eTag(stack, "albums/Summer/Done.jpg"), "not an image", Instant.now()));
            catalog.record(PhotoEntry.failed(PhotoId.of(MediaKey.of("albums/Summer/Changed since.jpg")), "01",
                    "an-older-etag", "not an image", Instant.now()));
            // The preview stopped before any of this was processed: the queues forgot it.
            stack.sqs().purgeQueue(purge -> purge.queueUrl(stack.queueUrl("ResizeQueue")));
            stack.sqs().purgeQueue(purge -> purge.queueUrl(stack.queueUrl("RebuildQueue")));
            // ... and a build was cut off holding its lease, which would hold the next one back for minutes.
            BuildState state = new BuildState(stack.dynamoDb(), stack.tableName("CatalogTable"));
            assertTrue(state.acquire("stopped-builder", Instant.now(), Duration.ofMinutes(11)).isPresent());

            assertEquals(3, InterruptedWork.resume(stack));
            assertTrue(state.acquire("next-builder", Instant.now(), Duration.ofMinutes(11)).isPresent(),
                    "the stopped build's lease is released");

            List<String> announced = new ArrayList<>();
            for (Message message : drain(stack, "ResizeQueue")) {
                for (ObjectEvent event : S3EventMessages.parse(message.body())) {
                    assertEquals("ObjectCreated:Copy", event.eventName());
                    announced.add(event.key());
                }
            }
            assertEquals(List.of("albums/Summer/Beach day.jpg", "albums/Summer/Changed since.jpg", "albums/Summer/Été + mer.png"),
                    announced.stream().sorted().toList());
            assertEquals(List.of(Routing.CATALOG_CHANGED), drain(stack, "RebuildQueue").stream().map(Message::body).toList());
        }
    }

    private static String eTag(LocalAws stack, String key) {
        return ETags.unquoted(stack.s3().headObject(head -> head.bucket(stack.bucketName("SourceBucket")).key(key)).eTag());
    }

    private static List<Message> drain(LocalAws stack, String queue) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = stack.sqs().receiveMessage(receive -> receive.queueUrl(stack.queueUrl(queue)).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }
}
