package family.gallery.ingest;

import java.util.List;
import java.util.Map;

/**
 * Messages shaped as AWS delivers them, for tests here and in the function modules (published as
 * this module's test-jar).
 */
public final class SampleEvents {

    private SampleEvents() {
    }

    /** An S3 event notification for one object, its key URL-encoded as S3 encodes it. */
    public static String s3Event(String eventName, String key) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1",\
                "eventTime":"2026-07-14T09:21:07.512Z","eventName":"%s","s3":{"s3SchemaVersion":"1.0",\
                "bucket":{"name":"gallery-source-8e1f3a2c","arn":"arn:aws:s3:::gallery-source-8e1f3a2c"},\
                "object":{"key":"%s","size":1024,"eTag":"9b2cf535f27731c974343645a3985328",\
                "sequencer":"0066A1B2C3D4E5F601"}}}]}"""
                .formatted(eventName, S3Keys.encode(key));
    }

    /** One record of an SQS event as Lambda's event source mapping passes it. */
    public static Map<String, Object> sqsMessage(String messageId, String body) {
        return Map.of("messageId", messageId, "receiptHandle", "handle-" + messageId, "body", body,
                "eventSource", "aws:sqs", "eventSourceARN", "arn:aws:sqs:eu-west-1:111122223333:queue",
                "awsRegion", "eu-west-1", "attributes", Map.of("ApproximateReceiveCount", "1"));
    }

    /** An SQS event holding the given records. */
    public static Map<String, Object> sqsEvent(List<Map<String, Object>> records) {
        return Map.of("Records", records);
    }
}
