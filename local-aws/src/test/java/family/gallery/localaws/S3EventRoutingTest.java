package family.gallery.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.Routing;
import family.gallery.ingest.S3EventMessages;
import software.amazon.awssdk.core.sync.RequestBody;

/** Objects put and deleted with the SDK reach exactly the queues that the routing rules name. */
class S3EventRoutingTest {

    private static LocalAws stack;
    private static Map<Routing.Destination, String> queues;

    @BeforeAll
    static void start() {
        stack = LocalAws.start(LocalAwsConfig.forTests());
        queues = Map.of(Routing.Destination.RESIZE_QUEUE, stack.queueUrl("ResizeQueue"),
                Routing.Destination.REBUILD_QUEUE, stack.queueUrl("RebuildQueue"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void emptyQueues() {
        stack.topology().queues().forEach(queue -> stack.sqs().purgeQueue(request -> request.queueUrl(queue.url())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"albums/2026 summer/IMG_0001.JPG", "albums/2026 summer/album.yml",
            "albums/Café + friends #25 & 100% 😀/a+b.jpg", "albums/x/.DS_Store", "notes/readme.txt", "albums/x/sub/album.yml"})
    void putAndDeleteReachExactlyTheRoutedQueues(String key) {
        String bucket = stack.bucketName("SourceBucket");
        Set<Routing.Destination> expected = Routing.destinationsFor(key);

        stack.s3().putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString("content of " + key));
        for (String body : expectDeliveries(expected, "put of " + key)) {
            ObjectEvent event = single(body);
            assertEquals(ObjectEvent.Type.CREATED, event.type());
            assertEquals("ObjectCreated:Put", event.eventName());
            assertEquals(key, event.key());
            assertEquals(bucket, event.bucket());
            assertEquals(("content of " + key).getBytes(java.nio.charset.StandardCharsets.UTF_8).length, event.size());
            assertTrue(event.eTag().orElseThrow().matches("[0-9a-f]{32}"), event.eTag().toString());
            assertTrue(event.versionId().orElseThrow().matches("[A-Za-z0-9_-]{32}"), "the source bucket is versioned");
            assertEnvelope(body, key);
        }

        stack.s3().deleteObject(request -> request.bucket(bucket).key(key));
        for (String body : expectDeliveries(expected, "delete of " + key)) {
            ObjectEvent event = single(body);
            assertEquals(ObjectEvent.Type.REMOVED, event.type());
            assertEquals("ObjectRemoved:DeleteMarkerCreated", event.eventName(), "a delete in a versioned bucket");
            assertTrue(event.versionId().isPresent(), "the delete marker's version");
            assertEquals(key, event.key());
        }
        for (String deadLetters : List.of("ResizeDeadLetterQueue", "RebuildDeadLetterQueue")) {
            assertTrue(QueueMessages.receiveAll(stack, stack.queueUrl(deadLetters)).isEmpty(), deadLetters + " stays empty");
        }
    }

    /** The notification envelope and the S3 record carry the fields AWS puts there. */
    private static void assertEnvelope(String body, String key) {
        JsonNode envelope = Json.read(body);
        assertEquals("Notification", envelope.get("Type").asText());
        assertEquals(stack.topology().topic("MediaEventsTopic").arn(), envelope.get("TopicArn").asText());
        assertEquals("Amazon S3 Notification", envelope.get("Subject").asText());
        for (String field : List.of("MessageId", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL")) {
            assertFalse(envelope.path(field).asText().isEmpty(), field);
        }
        JsonNode record = Json.read(envelope.get("Message").asText()).get("Records").get(0);
        assertEquals("2.1", record.get("eventVersion").asText());
        assertEquals("aws:s3", record.get("eventSource").asText());
        assertEquals(stack.region(), record.get("awsRegion").asText());
        assertTrue(record.get("eventTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals("arn:aws:s3:::" + stack.bucketName("SourceBucket"), record.at("/s3/bucket/arn").asText());
        assertEquals(family.gallery.ingest.S3Keys.encode(key), record.at("/s3/object/key").asText());
        assertTrue(record.at("/s3/object/sequencer").asText().matches("[0-9A-F]{18}"));
    }

    private static ObjectEvent single(String body) {
        List<ObjectEvent> events = S3EventMessages.parse(body);
        assertEquals(1, events.size());
        return events.get(0);
    }

    /** Reads every routed queue: one message in each expected queue, none in the others. */
    private static List<String> expectDeliveries(Set<Routing.Destination> expected, String what) {
        List<String> bodies = new java.util.ArrayList<>();
        drain().forEach((destination, received) -> {
            assertEquals(expected.contains(destination) ? 1 : 0, received.size(), destination + " after " + what);
            bodies.addAll(received);
        });
        return bodies;
    }

    private static Map<Routing.Destination, List<String>> drain() {
        Map<Routing.Destination, List<String>> result = new java.util.EnumMap<>(Routing.Destination.class);
        for (Routing.Destination destination : EnumSet.allOf(Routing.Destination.class)) {
            result.put(destination, QueueMessages.receiveAll(stack, queues.get(destination)));
        }
        return result;
    }
}
