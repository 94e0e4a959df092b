package family.gallery.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3EventMessagesTest {

    @Test
    void readsAPutInsideTheSnsEnvelope() {
        List<ObjectEvent> events = S3EventMessages.parse(Fixtures.event("s3-put-in-sns.json"));

        assertEquals(1, events.size());
        ObjectEvent event = events.get(0);
        assertEquals(ObjectEvent.Type.CREATED, event.type());
        assertEquals("ObjectCreated:Put", event.eventName());
        assertEquals("gallery-source-8e1f3a2c", event.bucket());
        assertEquals("albums/2026 summer/Café + friends #25 😀.JPG", event.key());
        assertEquals(4210988, event.size());
        assertEquals(Optional.of("d41d8cd98f00b204e9800998ecf8427e"), event.eTag());
        assertEquals(Optional.of("3HL4kqtJvjVBH40Nrjfkd"), event.versionId());
        assertEquals("0066A1B2C3D4E5F601", event.sequencer());
        assertEquals(Instant.parse("2026-07-14T09:21:07.512Z"), event.eventTime());
        assertEquals(MediaKey.Kind.PHOTO, event.mediaKey().kind());
        assertEquals("2026 summer", event.mediaKey().album());
    }

    @Test
    void readsBackTheEventsItWrites() {
        ObjectEvent created = new ObjectEvent(ObjectEvent.Type.CREATED, "ObjectCreated:Put", "gallery-source-8e1f3a2c",
                "albums/2026 summer/Café + friends #25 😀.JPG", 4210988, Optional.of("d41d8cd98f00b204e9800998ecf8427e"),
                Optional.empty(), "0066A1B2C3D4E5F601", Instant.parse("2026-07-14T09:21:07.512Z"));
        ObjectEvent removed = new ObjectEvent(ObjectEvent.Type.REMOVED, "ObjectRemoved:Delete", "gallery-source-8e1f3a2c",
                "albums/x/a+b.jpg", 0, Optional.empty(), Optional.of("3HL4kqtJvjVBH40Nrjfkd"), "0066A1B2C3D4E5F7",
                Instant.parse("2026-07-15T10:00:00Z"));

        for (ObjectEvent event : List.of(created, removed)) {
            String body = S3EventMessages.write(event, "operator");
            assertTrue(body.startsWith("{\"Type\":\"Notification\""), body);
            assertEquals(List.of(event), S3EventMessages.parse(body));
        }
        assertTrue(S3EventMessages.write(created, "operator").contains("Caf%C3%A9+%2B+friends+%2325+%F0%9F%98%80.JPG"),
                "the key is URL-encoded as S3 encodes it");
    }

    @Test
    void readsARemovalDeliveredRaw() {
        ObjectEvent event = S3EventMessages.parse(Fixtures.event("s3-delete-raw.json")).get(0);

        assertEquals(ObjectEvent.Type.REMOVED, event.type());
        assertEquals("albums/2026 summer/beach/IMG_0042.jpg", event.key());
        assertEquals(0, event.size());
        assertEquals(Optional.empty(), event.eTag());
        assertEquals("2026 summer/beach", event.mediaKey().album());
    }

    @Test
    void theTestEventThatS3SendsOnSetUpYieldsNoEvents() {
        String wrapped = Fixtures.event("s3-test-event-in-sns.json");
        String raw = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-07-14T08:00:01.117Z\","
                + "\"Bucket\":\"gallery-source-8e1f3a2c\",\"RequestId\":\"5582815E1AEA5ADF\",\"HostId\":\"x\"}";

        assertEquals(List.of(), S3EventMessages.parse(wrapped));
        assertEquals(List.of(), S3EventMessages.parse(raw));
        assertTrue(S3EventMessages.isS3Notification(wrapped));
    }

    @Test
    void ownMessagesAreNotS3Notifications() {
        assertFalse(S3EventMessages.isS3Notification("{\"catalogChanged\":true}"));
        assertFalse(S3EventMessages.isS3Notification("not json"));
        assertTrue(S3EventMessages.isS3Notification(Fixtures.event("s3-delete-raw.json")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            albums/2026+summer/a.jpg                       | albums/2026 summer/a.jpg
            albums/x/a%2Bb.jpg                             | albums/x/a+b.jpg
            albums/x/100%25+done.png                       | albums/x/100% done.png
            albums/x/%C3%A9t%C3%A9+%C3%A0+N%C3%AEmes.heic   | albums/x/été à Nîmes.heic
            albums/x/%F0%9F%8C%8A%F0%9F%8F%84.jpg           | albums/x/🌊🏄.jpg
            albums/%E6%97%85%E8%A1%8C/%E5%86%99%E7%9C%9F.jpg | albums/旅行/写真.jpg
            albums/x/Tom+%26+Jerry+%231.jpg                | albums/x/Tom & Jerry #1.jpg
            """)
    void decodesKeysAsS3EncodesThem(String encoded, String decoded) {
        assertEquals(decoded, S3Keys.decode(encoded));
        assertEquals(decoded, S3Keys.decode(S3Keys.encode(decoded)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not json at all                                              | SQS message body is not JSON
            ``                                                           | SQS message body is empty
            [1,2]                                                        | must be a JSON object
            {"Type":"SubscriptionConfirmation"}                          | is not a notification
            {"Type":"Notification"}                                      | no Message string
            {"Type":"Notification","Message":"oops"}                     | SNS Message is not JSON
            {"Records":{}}                                               | no Records array
            {"Something":"else"}                                         | no Records array (fields: Something)
            {"Records":[{}]}                                             | Records[0].eventSource is missing
            {"Records":[{"eventSource":"aws:sqs"}]}                      | not aws:s3
            {"Records":[{"eventSource":"aws:s3","eventName":"ObjectRestore:Post"}]} | is not an object creation or removal
            {"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","eventTime":"yesterday"}]} | eventTime is not an ISO-8601 instant
            {"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","eventTime":"2026-01-01T00:00:00Z"}]} | Records[0].s3 is missing
            {"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","eventTime":"2026-01-01T00:00:00Z","s3":{"bucket":{"name":"b"},"object":{"key":"albums/a/b.jpg","sequencer":"01"}}}]} | Records[0].s3.object.size is missing
            {"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","eventTime":"2026-01-01T00:00:00Z","s3":{"bucket":{"name":"b"},"object":{"size":1,"sequencer":"01"}}}]} | Records[0].s3.object.key is missing
            {"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","eventTime":"2026-01-01T00:00:00Z","s3":{"bucket":{"name":"b"},"object":{"key":"albums/a/b.jpg","size":1}}}]} | Records[0].s3.object.sequencer is missing
            {"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","eventTime":"2026-01-01T00:00:00Z","s3":{"bucket":{"name":"b"},"object":{"key":"albums/a/%E0%A4%A.jpg","size":1,"sequencer":"01"}}}]} | not valid URL encoding
            """)
    void malformedInputNamesWhatIsWrong(String body, String expected) {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> S3EventMessages.parse(body));
        assertTrue(e.getMessage().contains(expected), () -> "message was: " + e.getMessage());
    }

    @Test
    void nullBodyIsAClearErrorNotANullPointer() {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> S3EventMessages.parse(null));
        assertTrue(e.getMessage().contains("empty"));
    }
}
