package family.gallery.localaws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import family.gallery.ingest.SnsFilterPolicy;
import family.gallery.template.IntrinsicResolver;
import family.gallery.template.Nodes;
import family.gallery.template.StackIdentity;
import family.gallery.template.StackTemplate;
import family.gallery.template.StackTemplate.Resource;

/**
 * The buckets, queues, tables, topics and subscriptions of {@code template.yaml} with every
 * intrinsic function resolved for the local stack. Resources whose {@code Condition} is false are left
 * out, as CloudFormation leaves them out.
 */
public final class Topology {

    public record Bucket(String logicalId, String name, boolean versioned, List<Notification> notifications) {
    }

    /**
     * One entry of a bucket's NotificationConfiguration.
     *
     * @param destinationArn a topic or queue ARN
     * @param event          S3's event type pattern, e.g. {@code s3:ObjectCreated:*}
     */
    public record Notification(String configurationId, Destination destination, String destinationArn, String event,
            String prefix, String suffix) {

        public enum Destination {
            TOPIC, QUEUE
        }

        /** Does an event named e.g. {@code ObjectCreated:Put} for this key match? */
        public boolean matches(String eventName, String key) {
            String type = "s3:" + eventName;
            boolean eventMatches = event.endsWith(":*")
                    ? type.startsWith(event.substring(0, event.length() - 1))
                    : type.equals(event);
            return eventMatches && key.startsWith(prefix) && key.endsWith(suffix);
        }
    }

    /** @param attributes the CreateQueue attributes: VisibilityTimeout, RedrivePolicy, ... */
    public record Queue(String logicalId, String name, String url, String arn, Map<String, String> attributes) {
    }

    public record Table(String logicalId, String name, List<Map<String, Object>> keySchema,
            List<Map<String, Object>> attributeDefinitions, Optional<String> timeToLiveAttribute) {
    }

    public record Topic(String logicalId, String name, String arn) {
    }

    public record Subscription(String logicalId, String topicArn, String protocol, String endpoint,
            boolean rawMessageDelivery, Optional<SnsFilterPolicy> filterPolicy) {
    }

    /** The resource types that the local stack creates or serves. */
    private static final Set<String> LOCAL_TYPES = Set.of("AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::DynamoDB::Table",
            "AWS::SNS::Topic", "AWS::SNS::Subscription");

    private final StackIdentity identity;
    private final List<Bucket> buckets = new ArrayList<>();
    private final List<Queue> queues = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Topic> topics = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final StackTemplate template;
    private final IntrinsicResolver resolver;

    private Topology(StackIdentity identity, StackTemplate template, IntrinsicResolver resolver) {
        this.identity = identity;
        this.template = template;
        this.resolver = resolver;
    }

    /**
     * @param sqsEndpoint where queue URLs point, e.g. {@code http://127.0.0.1:9324}
     */
    public static Topology read(StackTemplate template, StackIdentity identity, Map<String, String> parameterOverrides,
            String sqsEndpoint) {
        LocalResourceNames names = new LocalResourceNames(identity, sqsEndpoint);
        IntrinsicResolver resolver = new IntrinsicResolver(template, identity, parameterOverrides, names);
        names.resolveNamesWith(resolver);
        Topology topology = new Topology(identity, template, resolver);
        for (Resource resource : template.resources()) {
            Optional<Object> condition = resource.attribute("Condition");
            if (condition.isPresent() && !resolver.condition(Nodes.asString(condition.get(), resource.logicalId()))) {
                continue;
            }
            if (!LOCAL_TYPES.contains(resource.type())) {
                // Policies, alarms, log groups, CloudFront and the like have no local counterpart.
                continue;
            }
            Map<String, Object> properties = map(resolver.resolve(resource.properties()), resource.logicalId());
            switch (resource.type()) {
                case "AWS::S3::Bucket" -> topology.buckets.add(bucket(resource, names.name(resource), properties));
                case "AWS::SQS::Queue" -> topology.queues.add(new Queue(resource.logicalId(), names.name(resource),
                        names.ref(resource), names.attribute(resource, "Arn"), queueAttributes(properties)));
                case "AWS::DynamoDB::Table" -> topology.tables.add(table(resource, names.name(resource), properties));
                case "AWS::SNS::Topic" -> {
                    String arn = names.ref(resource);
                    topology.topics.add(new Topic(resource.logicalId(), names.name(resource), arn));
                    int index = 0;
                    for (Object inline : list(properties.get("Subscription"))) {
                        Map<String, Object> subscription = map(inline, resource.logicalId() + ".Subscription");
                        subscription.put("TopicArn", arn);
                        topology.subscriptions.add(subscription(resource.logicalId() + "#" + index++, subscription));
                    }
                }
                case "AWS::SNS::Subscription" -> topology.subscriptions.add(subscription(resource.logicalId(), properties));
                default -> throw new IllegalStateException(resource.type() + " is in LOCAL_TYPES");
            }
        }
        return topology;
    }

    public StackIdentity identity() {
        return identity;
    }

    public List<Bucket> buckets() {
        return List.copyOf(buckets);
    }

    public List<Queue> queues() {
        return List.copyOf(queues);
    }

    public List<Table> tables() {
        return List.copyOf(tables);
    }

    public List<Topic> topics() {
        return List.copyOf(topics);
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    public StackTemplate template() {
        return template;
    }

    /** Resolves intrinsic functions with this stack's names, ARNs and URLs. */
    public IntrinsicResolver resolver() {
        return resolver;
    }

    public Bucket bucket(String logicalId) {
        return find(buckets, Bucket::logicalId, logicalId);
    }

    public Queue queue(String logicalId) {
        return find(queues, Queue::logicalId, logicalId);
    }

    public Table table(String logicalId) {
        return find(tables, Table::logicalId, logicalId);
    }

    public Topic topic(String logicalId) {
        return find(topics, Topic::logicalId, logicalId);
    }

    public Optional<Queue> queueByArn(String arn) {
        return queues.stream().filter(queue -> queue.arn().equals(arn)).findFirst();
    }

    private static <T> T find(List<T> items, java.util.function.Function<T, String> id, String logicalId) {
        return items.stream().filter(item -> id.apply(item).equals(logicalId)).findFirst()
                .orElseThrow(() -> new LocalAwsException("template.yaml has no such resource: " + logicalId));
    }

    private static Bucket bucket(Resource resource, String name, Map<String, Object> properties) {
        boolean versioned = "Enabled".equals(
                map(properties.getOrDefault("VersioningConfiguration", Map.of()), "VersioningConfiguration").get("Status"));
        Map<String, Object> configuration = map(properties.getOrDefault("NotificationConfiguration", Map.of()),
                resource.logicalId() + ".NotificationConfiguration");
        List<Notification> notifications = new ArrayList<>();
        addNotifications(notifications, resource, configuration, "TopicConfigurations", "Topic", Notification.Destination.TOPIC);
        addNotifications(notifications, resource, configuration, "QueueConfigurations", "Queue", Notification.Destination.QUEUE);
        if (configuration.containsKey("LambdaConfigurations")) {
            throw new LocalAwsException(resource.logicalId() + ": S3 notifications straight to Lambda are not served locally");
        }
        return new Bucket(resource.logicalId(), name, versioned, List.copyOf(notifications));
    }

    private static void addNotifications(List<Notification> notifications, Resource bucket, Map<String, Object> configuration,
            String section, String destinationProperty, Notification.Destination destination) {
        for (Object entry : list(configuration.get(section))) {
            String where = bucket.logicalId() + "." + section;
            Map<String, Object> notification = map(entry, where);
            String prefix = "";
            String suffix = "";
            Map<String, Object> s3Key = map(map(notification.getOrDefault("Filter", Map.of()), where + ".Filter")
                    .getOrDefault("S3Key", Map.of()), where + ".Filter.S3Key");
            for (Object rule : list(s3Key.get("Rules"))) {
                Map<String, Object> nameValue = map(rule, where + ".Filter.S3Key.Rules");
                String value = Nodes.asString(nameValue.get("Value"), where + " rule Value");
                switch (Nodes.asString(nameValue.get("Name"), where + " rule Name").toLowerCase(Locale.ROOT)) {
                    case "prefix" -> prefix = value;
                    case "suffix" -> suffix = value;
                    default -> throw new LocalAwsException(where + ": filter rule names are prefix or suffix");
                }
            }
            String id = notification.containsKey("Id") ? Nodes.asString(notification.get("Id"), where + ".Id")
                    : Base64.getEncoder().withoutPadding().encodeToString(
                            (bucket.logicalId() + "-" + section + "-" + notifications.size()).getBytes(StandardCharsets.UTF_8));
            notifications.add(new Notification(id, destination,
                    Nodes.asString(notification.get(destinationProperty), where + "." + destinationProperty),
                    Nodes.asString(notification.get("Event"), where + ".Event"), prefix, suffix));
        }
    }

    private static Map<String, String> queueAttributes(Map<String, Object> properties) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds", "MaximumMessageSize",
                "ReceiveMessageWaitTimeSeconds", "FifoQueue", "ContentBasedDeduplication")) {
            if (properties.containsKey(name)) {
                attributes.put(name, Nodes.asString(properties.get(name), name));
            }
        }
        if (properties.containsKey("RedrivePolicy")) {
            attributes.put("RedrivePolicy", Json.write(properties.get("RedrivePolicy")));
        }
        return attributes;
    }

    private static Table table(Resource resource, String name, Map<String, Object> properties) {
        Optional<String> ttl = Optional.empty();
        if (properties.get("TimeToLiveSpecification") instanceof Map<?, ?> specification
                && "true".equals(String.valueOf(specification.get("Enabled")))) {
            ttl = Optional.of(String.valueOf(specification.get("AttributeName")));
        }
        return new Table(resource.logicalId(), name, maps(properties.get("KeySchema"), resource.logicalId() + ".KeySchema"),
                maps(properties.get("AttributeDefinitions"), resource.logicalId() + ".AttributeDefinitions"), ttl);
    }

    private static Subscription subscription(String logicalId, Map<String, Object> properties) {
        Optional<SnsFilterPolicy> filterPolicy = Optional.ofNullable(properties.get("FilterPolicy"))
                .map(policy -> SnsFilterPolicy.of(policy,
                        SnsFilterPolicy.Scope.of((String) properties.get("FilterPolicyScope"))));
        return new Subscription(logicalId, Nodes.asString(properties.get("TopicArn"), logicalId + ".TopicArn"),
                Nodes.asString(properties.get("Protocol"), logicalId + ".Protocol"),
                Nodes.asString(properties.get("Endpoint"), logicalId + ".Endpoint"),
                "true".equals(String.valueOf(properties.get("RawMessageDelivery"))), filterPolicy);
    }

    private static Map<String, Object> map(Object node, String where) {
        return Nodes.asMap(node, where);
    }

    private static List<Object> list(Object node) {
        return node == null ? List.of() : Nodes.asList(node, "list");
    }

    private static List<Map<String, Object>> maps(Object node, String where) {
        return Nodes.asList(node, where).stream().map(item -> map(item, where)).toList();
    }
}
