package family.gallery.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import family.gallery.template.StackTemplate.Resource;

/** The event topology of the deployed template.yaml holds the properties the pipeline relies on. */
class TemplateTopologyTest {

    private static StackTemplate template;
    private static final ResourceReferences LOGICAL_IDS = new ResourceReferences() {
        @Override
        public String ref(Resource resource) {
            return resource.logicalId();
        }

        @Override
        public String attribute(Resource resource, String attribute) {
            return resource.logicalId() + "." + attribute;
        }
    };

    @BeforeAll
    static void load() {
        template = StackTemplate.load(StackTemplate.locate());
    }

    @Test
    void isASamTemplate() {
        assertEquals("AWS::Serverless-2016-10-31", template.root().get("Transform"));
    }

    @Test
    void everyReferenceNamesAResourceParameterOrPseudoParameter() {
        Set<String> known = new HashSet<>(template.section("Resources").keySet());
        known.addAll(template.section("Parameters").keySet());
        // SAM's alias of each function that publishes versions (AutoPublishAlias in Globals).
        assertEquals("live", template.section("Globals").get("Function") instanceof Map<?, ?> globals ? globals.get("AutoPublishAlias") : null);
        template.resourcesOfType("AWS::Serverless::Function").forEach(function -> known.add(function.logicalId() + ".Alias"));
        List<String> references = new java.util.ArrayList<>();
        collectReferences(template.root(), references);
        assertFalse(references.isEmpty());
        for (String reference : references) {
            assertTrue(known.contains(reference) || reference.startsWith("AWS::"), "unknown reference " + reference);
        }
    }

    /** One parameter switches every function between the native package and the JVM package with SnapStart. */
    @Test
    void theFunctionRuntimeParameterSwitchesRuntimeHandlerAndSnapStart() {
        Map<String, List<Object>> expected = Map.of(
                "native", List.of("provided.al2023", "not.used.in.provided.runtime", "None"),
                "jvm", List.of("java21", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest", "PublishedVersions"));
        assertEquals("jvm", ((Map<?, ?>) template.section("Parameters").get("FunctionRuntime")).get("Default"),
                "the default matches the default build (./mvnw package)");
        expected.forEach((runtime, values) -> {
            IntrinsicResolver resolver = new IntrinsicResolver(template, StackIdentity.local("test", "eu-west-1"),
                    Map.of("FunctionRuntime", runtime), LOGICAL_IDS);
            Map<?, ?> globals = (Map<?, ?>) resolver.resolve(template.section("Globals").get("Function"));
            assertEquals(values, List.of(globals.get("Runtime"), globals.get("Handler"), ((Map<?, ?>) globals.get("SnapStart")).get("ApplyOn")),
                    runtime);
        });
        template.resourcesOfType("AWS::Serverless::Function").forEach(function -> {
            for (String overridden : List.of("Runtime", "Handler", "SnapStart", "AutoPublishAlias")) {
                assertFalse(function.property(overridden).isPresent(), function.logicalId() + " sets its own " + overridden);
            }
        });
        Resource url = template.requireResource("LoginFunctionUrl");
        assertTrue(url.property("Qualifier").isPresent(), "the login page is served by the alias that SnapStart restores");
    }

    @Test
    void everyWorkQueueHasADeadLetterQueue() {
        List<Resource> queues = template.resourcesOfType("AWS::SQS::Queue");
        Set<String> deadLetterQueues = new HashSet<>();
        for (Resource queue : queues) {
            queue.property("RedrivePolicy.deadLetterTargetArn").ifPresent(target -> deadLetterQueues.add(getAttTarget(target)));
        }
        for (Resource queue : queues) {
            if (!deadLetterQueues.contains(queue.logicalId())) {
                assertTrue(queue.property("RedrivePolicy.maxReceiveCount").isPresent(), queue.logicalId() + " has no redrive policy");
            }
        }
        assertEquals(Set.of("ResizeDeadLetterQueue", "VideoDeadLetterQueue", "RebuildDeadLetterQueue", "ZipDeadLetterQueue"),
                deadLetterQueues);
    }

    @Test
    void sqsTriggeredFunctionsReportPartialFailuresAndQueuesOutwaitThem() {
        int globalTimeout = Integer.parseInt(String.valueOf(
                Nodes.asMap(template.section("Globals").get("Function"), "Globals.Function").get("Timeout")));
        int sqsSources = 0;
        for (Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            int timeout = function.property("Timeout").map(t -> Integer.parseInt(String.valueOf(t))).orElse(globalTimeout);
            Map<String, Object> events = function.property("Events").map(e -> Nodes.asMap(e, "Events")).orElse(Map.of());
            for (Map.Entry<String, Object> event : events.entrySet()) {
                Map<String, Object> source = Nodes.asMap(event.getValue(), event.getKey());
                if (!"SQS".equals(source.get("Type"))) {
                    continue;
                }
                sqsSources++;
                Map<String, Object> properties = Nodes.asMap(source.get("Properties"), event.getKey() + ".Properties");
                String where = function.logicalId() + "." + event.getKey();
                assertEquals(List.of("ReportBatchItemFailures"), properties.get("FunctionResponseTypes"), where);
                Resource queue = template.requireResource(getAttTarget(properties.get("Queue")));
                int visibility = Integer.parseInt(String.valueOf(queue.property("VisibilityTimeout").orElse(30)));
                assertTrue(visibility >= 6 * timeout,
                        queue.logicalId() + " visibility " + visibility + " s is under six times " + where + "'s timeout " + timeout + " s");
            }
        }
        assertEquals(4, sqsSources);
    }

    @Test
    void deletedRenditionsLeaveTheEdgeWithinAnHour() {
        Resource distribution = template.resourcesOfType("AWS::CloudFront::Distribution").get(0);
        List<Object> behaviors = Nodes.asList(distribution.property("DistributionConfig.CacheBehaviors").orElseThrow(),
                "CacheBehaviors");
        // Media live under a/<audience>/ (viewers) and g/<link>/ (guests).
        for (String pattern : List.of("/a/*", "/g/*")) {
            Map<String, Object> media = behaviors.stream().map(b -> Nodes.asMap(b, "behavior"))
                    .filter(b -> pattern.equals(b.get("PathPattern"))).findFirst().orElseThrow();
            Object policyId = media.get("CachePolicyId");
            assertTrue(policyId instanceof Map<?, ?>, pattern + " uses the stack's own cache policy, not " + policyId);
            Resource policy = template.requireResource(String.valueOf(Nodes.asMap(policyId, "CachePolicyId").get("Ref")));
            int maxTtl = Integer.parseInt(String.valueOf(policy.property("CachePolicyConfig.MaxTTL").orElseThrow()));
            assertTrue(maxTtl <= 3600, "edge TTL of " + pattern + ": " + maxTtl + " s");
            assertTrue(media.containsKey("TrustedKeyGroups"), pattern + " needs signed cookies");
        }
    }

    @Test
    void bucketsArePrivateAndEncrypted() {
        List<Resource> buckets = template.resourcesOfType("AWS::S3::Bucket");
        assertEquals(4, buckets.size());
        for (Resource bucket : buckets) {
            for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                assertEquals(true, bucket.property("PublicAccessBlockConfiguration." + setting).orElse(false),
                        bucket.logicalId() + " " + setting);
            }
            assertTrue(bucket.property("BucketEncryption").isPresent(), bucket.logicalId());
        }
        assertEquals("Enabled", template.requireResource("SourceBucket").property("VersioningConfiguration.Status").orElseThrow());
    }

    @Test
    void onlyTheSourceBucketPublishesAndOnlyTheTopicSends() {
        Resource topicPolicy = template.requireResource("MediaEventsTopicPolicy");
        Map<String, Object> statement = Nodes.asMap(
                Nodes.asList(topicPolicy.property("PolicyDocument.Statement").orElseThrow(), "Statement").get(0), "Statement");
        assertEquals(Map.of("Service", "s3.amazonaws.com"), statement.get("Principal"));
        assertTrue(Nodes.asMap(statement.get("Condition"), "Condition").containsKey("ArnEquals"));

        Resource queuePolicy = template.requireResource("MediaEventsQueuePolicy");
        Map<String, Object> queueStatement = Nodes.asMap(
                Nodes.asList(queuePolicy.property("PolicyDocument.Statement").orElseThrow(), "Statement").get(0), "Statement");
        assertEquals(Map.of("Service", "sns.amazonaws.com"), queueStatement.get("Principal"));
        Map<String, Object> arnEquals = Nodes.asMap(Nodes.asMap(queueStatement.get("Condition"), "Condition").get("ArnEquals"), "ArnEquals");
        assertEquals(Map.of("Ref", "MediaEventsTopic"), arnEquals.get("aws:SourceArn"));
    }

    @Test
    void everyDeadLetterQueueAndFunctionHasAnAlarmAndEveryFunctionALogGroup() {
        List<Resource> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        Set<String> watched = new HashSet<>();
        for (Resource alarm : alarms) {
            assertTrue(alarm.property("AlarmActions").isPresent(), alarm.logicalId() + " notifies nobody");
            for (Object dimension : Nodes.asList(alarm.property("Dimensions").orElse(List.of()), "Dimensions")) {
                Object value = Nodes.asMap(dimension, "Dimension").get("Value");
                Map<String, Object> reference = Nodes.asMap(value, alarm.logicalId() + " dimension");
                watched.add(reference.containsKey("Ref") ? (String) reference.get("Ref") : getAttTarget(reference));
            }
        }
        Set<String> logGroups = new HashSet<>();
        for (Resource group : template.resourcesOfType("AWS::Logs::LogGroup")) {
            assertTrue(group.property("RetentionInDays").isPresent(), group.logicalId() + " keeps logs forever");
            String name = String.valueOf(Nodes.asMap(group.property("LogGroupName").orElseThrow(), "LogGroupName").get("Fn::Sub"));
            logGroups.add(name.replaceAll(".*\\$\\{([^}]+)}.*", "$1"));
        }
        for (Resource queue : template.resourcesOfType("AWS::SQS::Queue")) {
            if (queue.property("RedrivePolicy").isEmpty()) {
                assertTrue(watched.contains(queue.logicalId()), "no alarm on dead-letter queue " + queue.logicalId());
            }
        }
        for (Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            assertTrue(watched.contains(function.logicalId()), "no alarm on errors of " + function.logicalId());
            assertTrue(logGroups.contains(function.logicalId()), "no log group with retention for " + function.logicalId());
        }
    }

    @Test
    void preciousDataIsRetainedAndOldVersionsArchived() {
        for (String logicalId : List.of("SourceBucket", "CatalogTable", "AccountsTable")) {
            Resource resource = template.requireResource(logicalId);
            assertEquals("Retain", resource.attribute("DeletionPolicy").orElse(null), logicalId);
            assertEquals("Retain", resource.attribute("UpdateReplacePolicy").orElse(null), logicalId);
        }
        for (String table : List.of("CatalogTable", "AccountsTable")) {
            assertEquals(true, template.requireResource(table)
                    .property("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled").orElse(false), table);
        }
        List<Object> rules = Nodes.asList(template.requireResource("SourceBucket")
                .property("LifecycleConfiguration.Rules").orElseThrow(), "Rules");
        assertTrue(rules.toString().contains("DEEP_ARCHIVE"), rules.toString());
        for (Resource bucket : template.resourcesOfType("AWS::S3::Bucket")) {
            assertTrue(bucket.property("LifecycleConfiguration.Rules").orElse(List.of()).toString()
                    .contains("AbortIncompleteMultipartUpload={DaysAfterInitiation=7}"), bucket.logicalId());
        }
    }

    @Test
    void noStatementGrantsEveryActionOnEveryResource() {
        List<Map<String, Object>> statements = new java.util.ArrayList<>();
        collectStatements(template.root(), statements);
        assertFalse(statements.isEmpty());
        for (Map<String, Object> statement : statements) {
            if (!"Allow".equals(statement.get("Effect"))) {
                continue;
            }
            boolean anyAction = List.of("*").equals(asList(statement.get("Action"))) || asList(statement.get("Action")).contains("*");
            boolean anyResource = asList(statement.get("Resource")).contains("*");
            assertFalse(anyAction && anyResource, "statement allows * on *: " + statement);
            assertFalse(asList(statement.get("Action")).stream().anyMatch(a -> String.valueOf(a).endsWith(":*")) && anyResource,
                    "statement allows a whole service on *: " + statement);
        }
    }

    @Test
    void uploadersMayChangeOnlyAlbums() {
        Resource policy = template.requireResource("UploaderPolicy");
        for (Object item : Nodes.asList(policy.property("PolicyDocument.Statement").orElseThrow(), "Statement")) {
            Map<String, Object> statement = Nodes.asMap(item, "Statement");
            Object resource = statement.get("Resource");
            if (asList(statement.get("Action")).contains("s3:ListBucket")) {
                assertEquals(Map.of("Fn::GetAtt", List.of("SourceBucket", "Arn")), resource);
                assertTrue(String.valueOf(statement.get("Condition")).contains("albums/"), statement.toString());
            } else {
                assertEquals(Map.of("Fn::Sub", "${SourceBucket.Arn}/albums/*"), resource);
            }
        }
    }

    private static List<Object> asList(Object node) {
        return node instanceof List<?> list ? List.copyOf(list) : node == null ? List.of() : List.of(node);
    }

    private static void collectStatements(Object node, List<Map<String, Object>> statements) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Statement".equals(key)) {
                    asList(value).forEach(s -> statements.add(Nodes.asMap(s, "Statement")));
                } else {
                    collectStatements(value, statements);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectStatements(item, statements));
        }
    }

    private static String getAttTarget(Object node) {
        Object getAtt = Nodes.asMap(node, "reference").get("Fn::GetAtt");
        return Nodes.asString(Nodes.asList(getAtt, "Fn::GetAtt").get(0), "Fn::GetAtt");
    }

    private static void collectReferences(Object node, List<String> references) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Ref".equals(key) && value instanceof String name) {
                    references.add(name);
                } else if ("Fn::GetAtt".equals(key) && value instanceof List<?> list) {
                    references.add(String.valueOf(list.get(0)));
                } else if ("Fn::Sub".equals(key) && value instanceof String text) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}.!]+)[^}]*}").matcher(text);
                    while (m.find()) {
                        references.add(m.group(1));
                    }
                } else {
                    collectReferences(value, references);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, references));
        }
    }

    @Test
    void functionsMayDoOnlyWhatTheirCodeDoes() {
        for (Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            String policies = String.valueOf(function.property("Policies").orElse(List.of()));
            assertFalse(policies.contains("S3CrudPolicy"), function.logicalId() + " names its S3 actions: " + policies);
            for (String broad : List.of("s3:PutLifecycleConfiguration", "s3:PutObjectAcl", "s3:*", "dynamodb:*")) {
                assertFalse(policies.contains(broad), function.logicalId() + " may not " + broad);
            }
        }
        List<Object> login = Nodes.asList(template.requireResource("LoginFunction").property("Policies").orElseThrow(), "Policies");
        int statements = 0;
        for (Object policy : login) {
            for (Object node : Nodes.asList(Nodes.asMap(policy, "policy").getOrDefault("Statement", List.of()), "Statement")) {
                Map<String, Object> statement = Nodes.asMap(node, "statement");
                if (String.valueOf(statement.get("Action")).contains("dynamodb:")) {
                    statements++;
                    Map<String, Object> condition = Nodes.asMap(statement.get("Condition"), "Condition");
                    Object leadingKeys = Nodes.asMap(condition.get("ForAllValues:StringLike"), "StringLike").get("dynamodb:LeadingKeys");
                    assertTrue(leadingKeys instanceof List<?> keys && !keys.isEmpty()
                            && keys.stream().allMatch(key -> String.valueOf(key).matches("(VIEWER|SHARE|THROTTLE|SESSIONS)#\\*")),
                            "every accounts-table statement of the login function is bound to its items: " + statement);
                    boolean writesViewersOrLinks = String.valueOf(statement.get("Action")).contains("UpdateItem")
                            && !String.valueOf(leadingKeys).contains("THROTTLE");
                    if (writesViewersOrLinks) {
                        Object attributes = Nodes.asMap(condition.get("ForAllValues:StringEquals"), "StringEquals")
                                .get("dynamodb:Attributes");
                        assertTrue(String.valueOf(attributes).matches("\\[pk, (passwordHash|lastUsedAt)\\]"),
                                "a viewer's or a link's item: one attribute only: " + statement);
                    }
                }
            }
        }
        assertEquals(4, statements, "read; count failures; strengthen a hash; note a link's use");
    }
}
