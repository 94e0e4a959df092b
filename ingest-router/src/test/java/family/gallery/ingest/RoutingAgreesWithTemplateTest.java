package family.gallery.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import family.gallery.ingest.Routing.Destination;
import family.gallery.template.Nodes;
import family.gallery.template.StackTemplate;
import family.gallery.template.StackTemplate.Resource;

/**
 * The source bucket's notification filter and the SNS subscriptions' filter policies in
 * template.yaml must deliver every event exactly where {@link Routing} says.
 */
class RoutingAgreesWithTemplateTest {

    private static final String TOPIC = "MediaEventsTopic";
    private static final Map<String, Destination> QUEUES =
            Map.of("ResizeQueue", Destination.RESIZE_QUEUE, "RebuildQueue", Destination.REBUILD_QUEUE);

    private static final List<String> KEYS = List.of(
            "albums/2026 summer/IMG_0001.jpg",
            "albums/2026 summer/IMG_0001.JPG",
            "albums/2026 summer/IMG_0001.Jpeg",
            "albums/trips/2025/rome/forum.heic",
            "albums/Café + friends/#1 & 2 😀.png",
            "albums/旅行/写真.webp",
            "albums/a/clip.mov",
            "albums/a/album.yml",
            "albums/trips/2025/album.yml",
            "albums/My Trip/album.yml",
            "albums/a/Album.yml",
            "albums/a/album.yml.bak",
            "albums/a/old-album.yml",
            "albums/a/.DS_Store",
            "albums/a/._IMG_0001.jpg",
            "albums/a/Thumbs.db",
            "albums/a/",
            "albums/x.jpg",
            "photos/a/IMG_0001.jpg",
            "album.yml",
            "index.html");

    private static StackTemplate template;

    @BeforeAll
    static void loadTemplate() {
        template = StackTemplate.load(StackTemplate.locate());
    }

    @Test
    void everyEventReachesExactlyTheQueuesTheRoutingRulesName() {
        List<Subscription> subscriptions = subscriptionsOfTopic();
        assertEquals(QUEUES.keySet(), Set.copyOf(subscriptions.stream().map(Subscription::queue).toList()),
                "the topic's subscriptions are the queues the routing knows");

        for (String key : KEYS) {
            for (String eventName : List.of("ObjectCreated:Put", "ObjectCreated:CompleteMultipartUpload",
                    "ObjectRemoved:Delete", "ObjectRemoved:DeleteMarkerCreated")) {
                Set<Destination> delivered = EnumSet.noneOf(Destination.class);
                if (bucketNotifies(key, eventName)) {
                    String message = SampleEvents.s3Event(eventName, key);
                    for (Subscription subscription : subscriptions) {
                        if (subscription.policy().matchesBody(message)) {
                            delivered.add(QUEUES.get(subscription.queue()));
                        }
                    }
                }
                assertEquals(Routing.destinationsFor(key), delivered, eventName + " of " + key);
            }
        }
    }

    @Test
    void photosOfAnyCaseReachTheResizeQueue() {
        for (String key : KEYS) {
            if (MediaKey.of(key).kind() == MediaKey.Kind.PHOTO) {
                assertFalse(Routing.destinationsFor(key).isEmpty(), key);
            }
        }
    }

    private record Subscription(String queue, SnsFilterPolicy policy) {
    }

    private static List<Subscription> subscriptionsOfTopic() {
        return template.resourcesOfType("AWS::SNS::Subscription").stream()
                .filter(r -> r.properties().get("TopicArn").equals(Map.of("Ref", TOPIC)))
                .map(r -> {
                    assertEquals("sqs", r.properties().get("Protocol"), r.logicalId());
                    Object endpoint = Nodes.asMap(r.properties().get("Endpoint"), r.logicalId() + ".Endpoint")
                            .get("Fn::GetAtt");
                    String queue = Nodes.asString(Nodes.asList(endpoint, "Fn::GetAtt").get(0), "queue");
                    Object policy = r.properties().get("FilterPolicy");
                    SnsFilterPolicy.Scope scope = SnsFilterPolicy.Scope.of((String) r.properties().get("FilterPolicyScope"));
                    return new Subscription(queue, SnsFilterPolicy.of(policy == null ? Map.of() : policy, scope));
                })
                .toList();
    }

    /** Applies the source bucket's NotificationConfiguration for the topic: event type and key filter rules. */
    private static boolean bucketNotifies(String key, String eventName) {
        Resource bucket = template.requireResource("SourceBucket");
        List<Object> configurations = Nodes.asList(
                bucket.property("NotificationConfiguration.TopicConfigurations").orElseThrow(), "TopicConfigurations");
        for (Object item : configurations) {
            Map<String, Object> configuration = Nodes.asMap(item, "TopicConfiguration");
            if (!configuration.get("Topic").equals(Map.of("Ref", TOPIC))) {
                continue;
            }
            String event = (String) configuration.get("Event");
            String family = event.substring("s3:".length(), event.length() - 1); // s3:ObjectCreated:* -> ObjectCreated:
            if (eventName.startsWith(family) && keyPassesRules(key, configuration.get("Filter"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean keyPassesRules(String key, Object filter) {
        if (filter == null) {
            return true;
        }
        Map<String, Object> s3Key = Nodes.asMap(Nodes.asMap(filter, "Filter").get("S3Key"), "S3Key");
        for (Object item : Nodes.asList(s3Key.get("Rules"), "Rules")) {
            Map<String, Object> rule = Nodes.asMap(item, "Rule");
            String value = (String) rule.get("Value");
            boolean passes = switch (((String) rule.get("Name")).toLowerCase()) {
                case "prefix" -> key.startsWith(value);
                case "suffix" -> key.endsWith(value);
                default -> throw new IllegalArgumentException("unknown S3 key filter rule " + rule.get("Name"));
            };
            if (!passes) {
                return false;
            }
        }
        return true;
    }
}
