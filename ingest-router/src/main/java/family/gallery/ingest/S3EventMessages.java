package family.gallery.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the body of an SQS message that carries S3 event notifications: wrapped in SNS's
 * notification envelope, or delivered raw. The {@code s3:TestEvent} that S3 sends when
 * notifications are configured yields no events. Writes such a body too, for events that an
 * operator sends on purpose.
 */
public final class S3EventMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEST_EVENT = "s3:TestEvent";

    private S3EventMessages() {
    }

    /** True when the body is an S3 notification (possibly inside SNS's envelope), whether or not it has records. */
    public static boolean isS3Notification(String sqsBody) {
        try {
            JsonNode message = unwrap(readJson(sqsBody, "SQS message body"));
            return message.has("Records") || TEST_EVENT.equals(message.path("Event").asText());
        } catch (MalformedEventException e) {
            return false;
        }
    }

    public static List<ObjectEvent> parse(String sqsBody) {
        JsonNode message = unwrap(readJson(sqsBody, "SQS message body"));
        if (TEST_EVENT.equals(message.path("Event").asText())) {
            return List.of();
        }
        JsonNode records = message.get("Records");
        if (records == null || !records.isArray()) {
            throw new MalformedEventException(
                    "S3 notification has no Records array (fields: " + fieldNames(message) + ")");
        }
        List<ObjectEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            events.add(toEvent(records.get(i), "Records[" + i + "]"));
        }
        return events;
    }

    /**
     * The body that the resize queue receives for the event: one S3 record, its key URL-encoded as S3
     * encodes it, inside SNS's notification envelope (without SNS's signature, which nothing here
     * checks). {@link #parse} reads the event back.
     *
     * @param configurationId the record's {@code s3.configurationId}: names who sent the event
     */
    public static String write(ObjectEvent event, String configurationId) {
        ObjectNode notification = JSON.createObjectNode();
        ObjectNode record = notification.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("eventTime", event.eventTime().toString());
        record.put("eventName", event.eventName());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        s3.putObject("bucket").put("name", event.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", S3Keys.encode(event.key()));
        if (event.type() == ObjectEvent.Type.CREATED) {
            object.put("size", event.size());
        }
        event.eTag().ifPresent(eTag -> object.put("eTag", eTag));
        event.versionId().ifPresent(versionId -> object.put("versionId", versionId));
        object.put("sequencer", event.sequencer());
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("Subject", "Amazon S3 Notification");
        envelope.put("Message", notification.toString());
        envelope.put("Timestamp", event.eventTime().toString());
        return envelope.toString();
    }

    /** The S3 notification inside SNS's envelope, or the body itself when delivered raw. */
    private static JsonNode unwrap(JsonNode body) {
        if (!body.isObject()) {
            throw new MalformedEventException("SQS message body must be a JSON object");
        }
        if (!body.has("Type")) {
            return body;
        }
        String type = body.get("Type").asText();
        if (!"Notification".equals(type)) {
            throw new MalformedEventException("SNS message of Type " + type + " is not a notification");
        }
        JsonNode message = body.get("Message");
        if (message == null || !message.isTextual()) {
            throw new MalformedEventException("SNS notification has no Message string");
        }
        JsonNode inner = readJson(message.asText(), "SNS Message");
        if (!inner.isObject()) {
            throw new MalformedEventException("SNS Message must be a JSON object");
        }
        return inner;
    }

    private static ObjectEvent toEvent(JsonNode record, String where) {
        String source = text(record, "eventSource", where);
        if (!"aws:s3".equals(source)) {
            throw new MalformedEventException(where + ".eventSource is " + source + ", not aws:s3");
        }
        String eventName = text(record, "eventName", where);
        ObjectEvent.Type type;
        if (eventName.startsWith("ObjectCreated:")) {
            type = ObjectEvent.Type.CREATED;
        } else if (eventName.startsWith("ObjectRemoved:")) {
            type = ObjectEvent.Type.REMOVED;
        } else {
            throw new MalformedEventException(where + ".eventName " + eventName + " is not an object creation or removal");
        }
        Instant eventTime;
        try {
            eventTime = Instant.parse(text(record, "eventTime", where));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(where + ".eventTime is not an ISO-8601 instant", e);
        }
        JsonNode s3 = object(record, "s3", where);
        JsonNode bucket = object(s3, "bucket", where + ".s3");
        JsonNode object = object(s3, "object", where + ".s3");
        String objectWhere = where + ".s3.object";
        long size = 0;
        if (type == ObjectEvent.Type.CREATED) {
            JsonNode sizeNode = object.get("size");
            if (sizeNode == null || !sizeNode.canConvertToLong()) {
                throw new MalformedEventException(objectWhere + ".size is missing or not a number");
            }
            size = sizeNode.asLong();
        }
        return new ObjectEvent(type, eventName, text(bucket, "name", where + ".s3.bucket"),
                S3Keys.decode(text(object, "key", objectWhere)), size, optionalText(object, "eTag"),
                optionalText(object, "versionId"), text(object, "sequencer", objectWhere), eventTime);
    }

    private static JsonNode readJson(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new MalformedEventException(what + " is empty");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode object(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new MalformedEventException(where + "." + field + " is missing or not an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            throw new MalformedEventException(where + "." + field + " is missing or not a string");
        }
        return node.asText();
    }

    private static Optional<String> optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isTextual() && !node.asText().isEmpty()
                ? Optional.of(node.asText()) : Optional.empty();
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
