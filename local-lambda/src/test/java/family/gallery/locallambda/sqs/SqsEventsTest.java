package family.gallery.locallambda.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The event built from messages as ElasticMQ really returns them. */
class SqsEventsTest {

    private static LocalSqs sqs;

    @BeforeAll
    static void start() {
        sqs = new LocalSqs();
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    @Test
    void eachMessageBecomesARecordShapedAsLambdaShapesIt() throws Exception {
        LocalSqs.QueuePair queue = sqs.queueWithDeadLetterQueue(30, 3);
        String body = "{\"Records\":[{\"s3\":{\"object\":{\"key\":\"albums/caf%C3%A9+%26+%F0%9F%98%80.jpg\"}}}]}\n\"quoted\"";
        sqs.client.sendMessage(request -> request.queueUrl(queue.url()).messageBody(body).messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("photo").build(),
                "count", MessageAttributeValue.builder().dataType("Number").stringValue("3").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary")
                        .binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xff})).build())));
        sqs.send(queue.url(), "plain");
        List<Message> messages = sqs.receiveAll(queue.url());
        assertEquals(2, messages.size());

        JsonNode records = new ObjectMapper().readTree(SqsEvents.event(messages, queue.arn(), LocalSqs.REGION)).get("Records");

        assertEquals(2, records.size());
        JsonNode record = records.get(0).get("body").asText().equals(body) ? records.get(0) : records.get(1);
        Message message = messages.stream().filter(m -> m.body().equals(body)).findFirst().orElseThrow();
        assertEquals(List.of("messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody",
                "md5OfMessageAttributes", "eventSource", "eventSourceARN", "awsRegion"), fieldNames(record));
        assertEquals(message.messageId(), record.get("messageId").asText());
        assertEquals(message.receiptHandle(), record.get("receiptHandle").asText());
        assertEquals(body, record.get("body").asText());
        assertEquals(md5(body), record.get("md5OfBody").asText());
        assertEquals("aws:sqs", record.get("eventSource").asText());
        assertEquals(queue.arn(), record.get("eventSourceARN").asText());
        assertEquals(LocalSqs.REGION, record.get("awsRegion").asText());

        JsonNode attributes = record.get("attributes");
        assertEquals("1", attributes.get("ApproximateReceiveCount").asText());
        assertTrue(attributes.get("SentTimestamp").asText().matches("\\d{13}"));
        assertTrue(attributes.get("ApproximateFirstReceiveTimestamp").asText().matches("\\d{13}"));
        assertFalse(attributes.get("SenderId").asText().isEmpty());

        JsonNode messageAttributes = record.get("messageAttributes");
        assertEquals("{\"stringValue\":\"photo\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"String\"}",
                messageAttributes.get("kind").toString());
        assertEquals("{\"stringValue\":\"3\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"Number\"}",
                messageAttributes.get("count").toString());
        assertEquals("{\"binaryValue\":\"AAH/\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"Binary\"}",
                messageAttributes.get("blob").toString());

        JsonNode plain = record == records.get(0) ? records.get(1) : records.get(0);
        assertEquals("{}", plain.get("messageAttributes").toString());
        assertFalse(plain.has("md5OfMessageAttributes"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
