package family.gallery.localaws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import family.gallery.ingest.SnsFilterPolicy;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The template's SNS topics as an in-process fan-out: a published message goes to every SQS
 * subscription of its topic whose filter policy lets it through, wrapped in SNS's notification
 * envelope or raw when the subscription asks for raw delivery.
 */
final class SnsFanOut {

    private static final Logger LOG = Logger.getLogger(SnsFanOut.class.getName());

    private final Topology topology;
    private final SqsClient sqs;

    SnsFanOut(Topology topology, SqsClient sqs) {
        this.topology = topology;
        this.sqs = sqs;
        for (Topology.Subscription subscription : topology.subscriptions()) {
            if (!subscription.protocol().equals("sqs")) {
                LOG.info(() -> "subscription " + subscription.logicalId() + " (" + subscription.protocol()
                        + ") is not delivered on the local stack");
            }
        }
    }

    /** Publishes to a topic, as {@code sns:Publish} with a subject and no message attributes. */
    void publish(String topicArn, String subject, String message) {
        if (topology.topics().stream().noneMatch(topic -> topic.arn().equals(topicArn))) {
            throw new LocalAwsException("no topic " + topicArn + " in template.yaml");
        }
        String messageId = UUID.randomUUID().toString();
        String timestamp = Timestamps.now();
        for (Topology.Subscription subscription : topology.subscriptions()) {
            if (!subscription.topicArn().equals(topicArn) || !subscription.protocol().equals("sqs")
                    || !passes(subscription, message)) {
                continue;
            }
            Topology.Queue queue = topology.queueByArn(subscription.endpoint()).orElseThrow(
                    () -> new LocalAwsException(subscription.logicalId() + " names an unknown queue " + subscription.endpoint()));
            String body = subscription.rawMessageDelivery() ? message
                    : envelope(subscription, messageId, topicArn, subject, message, timestamp);
            sqs.sendMessage(request -> request.queueUrl(queue.url()).messageBody(body));
        }
    }

    private static boolean passes(Topology.Subscription subscription, String message) {
        if (subscription.filterPolicy().isEmpty()) {
            return true;
        }
        SnsFilterPolicy policy = subscription.filterPolicy().get();
        return policy.scope() == SnsFilterPolicy.Scope.MESSAGE_BODY ? policy.matchesBody(message)
                : policy.matchesAttributes(Map.of());
    }

    private String envelope(Topology.Subscription subscription, String messageId, String topicArn, String subject,
            String message, String timestamp) {
        String endpoint = "https://sns." + topology.identity().region() + "." + topology.identity().urlSuffix();
        String subscriptionArn = topicArn + ":"
                + UUID.nameUUIDFromBytes(subscription.logicalId().getBytes(StandardCharsets.UTF_8));
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", messageId);
        envelope.put("TopicArn", topicArn);
        envelope.put("Subject", subject);
        envelope.put("Message", message);
        envelope.put("Timestamp", timestamp);
        envelope.put("SignatureVersion", "1");
        // Nothing signs locally; the field keeps the shape (base64 of a digest) that consumers may log or check for.
        envelope.put("Signature", digest(List.of(messageId, topicArn, message, timestamp)));
        envelope.put("SigningCertURL", endpoint + "/SimpleNotificationService-0000000000000000000000000000000.pem");
        envelope.put("UnsubscribeURL", endpoint + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn);
        return Json.write(envelope);
    }

    private static String digest(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            parts.forEach(part -> sha.update(part.getBytes(StandardCharsets.UTF_8)));
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
