package family.gallery.localaws;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import family.gallery.ingest.ETags;
import family.gallery.ingest.S3Keys;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * S3 event notifications as AWS shapes them (event version 2.1), sent to the destinations that the
 * bucket's NotificationConfiguration in the template names: to an SNS topic through the fan-out, or
 * straight to a queue.
 */
final class S3EventNotifier {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Sequencers grow per key, also across restarts: they count microseconds since the epoch. */
    private static final AtomicLong LAST_SEQUENCER = new AtomicLong();
    private static final String SUBJECT = "Amazon S3 Notification";

    private final Topology topology;
    private final SnsFanOut sns;
    private final SqsClient sqs;

    S3EventNotifier(Topology topology, SnsFanOut sns, SqsClient sqs) {
        this.topology = topology;
        this.sns = sns;
        this.sqs = sqs;
    }

    /** @param eventName e.g. {@code ObjectCreated:Put} */
    void objectCreated(String bucket, String key, String eventName, long size, String eTag) {
        notify(bucket, key, eventName, Optional.of(size), Optional.of(ETags.unquoted(eTag)));
    }

    /** A delete without a version id; in a versioned bucket it leaves a delete marker, as on S3. */
    void objectRemoved(String bucket, String key) {
        notify(bucket, key, "ObjectRemoved:Delete", Optional.empty(), Optional.empty());
    }

    /** S3 sends {@code s3:TestEvent} to each destination when notifications are configured. */
    void sendTestEvents() {
        for (Topology.Bucket bucket : topology.buckets()) {
            bucket.notifications().stream().map(Topology.Notification::destinationArn).distinct().forEach(destination -> {
                ObjectNode test = Json.MAPPER.createObjectNode();
                test.put("Service", "Amazon S3");
                test.put("Event", "s3:TestEvent");
                test.put("Time", Timestamps.now());
                test.put("Bucket", bucket.name());
                test.put("RequestId", requestId());
                test.put("HostId", hostId());
                deliver(bucket.notifications().stream().filter(n -> n.destinationArn().equals(destination)).findFirst()
                        .orElseThrow(), Json.write(test));
            });
        }
    }

    private void notify(String bucketName, String key, String unversionedEventName, Optional<Long> size, Optional<String> eTag) {
        Optional<Topology.Bucket> bucket = topology.buckets().stream().filter(b -> b.name().equals(bucketName)).findFirst();
        if (bucket.isEmpty()) {
            return;
        }
        // In a versioned bucket every change is a new version, and a plain delete adds a delete
        // marker. The local store keeps only the latest object: the ids are for the events alone.
        boolean versioned = bucket.get().versioned();
        Optional<String> versionId = versioned ? Optional.of(newVersionId()) : Optional.empty();
        String eventName = versioned && unversionedEventName.equals("ObjectRemoved:Delete")
                ? "ObjectRemoved:DeleteMarkerCreated" : unversionedEventName;
        String sequencer = nextSequencer();
        for (Topology.Notification notification : bucket.get().notifications()) {
            if (notification.matches(eventName, key)) {
                deliver(notification, record(notification, bucketName, key, eventName, size, eTag, versionId, sequencer));
            }
        }
    }

    private void deliver(Topology.Notification notification, String message) {
        switch (notification.destination()) {
            case TOPIC -> sns.publish(notification.destinationArn(), SUBJECT, message);
            case QUEUE -> {
                Topology.Queue queue = topology.queueByArn(notification.destinationArn()).orElseThrow(
                        () -> new LocalAwsException("notification names an unknown queue " + notification.destinationArn()));
                sqs.sendMessage(request -> request.queueUrl(queue.url()).messageBody(message));
            }
        }
    }

    private String record(Topology.Notification notification, String bucket, String key, String eventName,
            Optional<Long> size, Optional<String> eTag, Optional<String> versionId, String sequencer) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        ObjectNode record = message.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", topology.identity().region());
        record.put("eventTime", Timestamps.now());
        record.put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", "AWS:" + topology.identity().accountId());
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode responseElements = record.putObject("responseElements");
        responseElements.put("x-amz-request-id", requestId());
        responseElements.put("x-amz-id-2", hostId());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", notification.configurationId());
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", topology.identity().accountId());
        bucketNode.put("arn", "arn:" + topology.identity().partition() + ":s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        object.put("key", S3Keys.encode(key));
        size.ifPresent(bytes -> object.put("size", bytes));
        eTag.ifPresent(tag -> object.put("eTag", tag));
        versionId.ifPresent(version -> object.put("versionId", version));
        object.put("sequencer", sequencer);
        return Json.write(message);
    }

    static String nextSequencer() {
        long micros = System.currentTimeMillis() * 1000;
        long value = LAST_SEQUENCER.updateAndGet(last -> Math.max(last + 1, micros));
        return String.format(Locale.ROOT, "%018X", value);
    }

    /** 32 URL-safe characters, like the version ids S3 hands out. */
    private static String newVersionId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }


    private static String requestId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static String hostId() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
