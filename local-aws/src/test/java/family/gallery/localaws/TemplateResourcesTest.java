package family.gallery.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import family.gallery.template.Nodes;
import family.gallery.template.StackTemplate;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The emulators hold exactly what template.yaml declares, named as the template's intrinsics resolve. */
class TemplateResourcesTest {

    private static LocalAws stack;
    private static StackTemplate template;

    @BeforeAll
    static void start() {
        stack = LocalAws.start(LocalAwsConfig.forTests());
        template = StackTemplate.load(StackTemplate.locate());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void queuesHaveTheTemplatesVisibilityTimeoutsAndRedrivePolicies() {
        for (StackTemplate.Resource declared : template.resourcesOfType("AWS::SQS::Queue")) {
            Topology.Queue queue = stack.topology().queue(declared.logicalId());
            Map<QueueAttributeName, String> actual = stack.sqs().getQueueAttributes(r -> r.queueUrl(queue.url())
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            assertEquals(queue.arn(), actual.get(QueueAttributeName.QUEUE_ARN), "ARN as !GetAtt resolves it");
            assertEquals(String.valueOf(declared.property("VisibilityTimeout").orElse(30)),
                    actual.get(QueueAttributeName.VISIBILITY_TIMEOUT), declared.logicalId());
            declared.property("RedrivePolicy").ifPresent(policy -> {
                Map<String, Object> redrive = Nodes.asMap(policy, "RedrivePolicy");
                JsonNode local = Json.read(actual.get(QueueAttributeName.REDRIVE_POLICY));
                assertEquals(String.valueOf(redrive.get("maxReceiveCount")), local.get("maxReceiveCount").asText());
                String deadLetterQueue = Nodes.asList(Nodes.asMap(redrive.get("deadLetterTargetArn"), "arn").get("Fn::GetAtt"), "GetAtt")
                        .get(0).toString();
                assertEquals(stack.topology().queue(deadLetterQueue).arn(), local.get("deadLetterTargetArn").asText());
            });
        }
    }

    @Test
    void tablesHaveTheTemplatesKeysAndTimeToLive() {
        for (StackTemplate.Resource declared : template.resourcesOfType("AWS::DynamoDB::Table")) {
            String table = stack.tableName(declared.logicalId());
            var description = stack.dynamoDb().describeTable(r -> r.tableName(table)).table();
            assertEquals(Nodes.asList(declared.properties().get("KeySchema"), "KeySchema").size(), description.keySchema().size());
            declared.property("TimeToLiveSpecification.AttributeName").ifPresent(attribute -> {
                var ttl = stack.dynamoDb().describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
                assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
                assertEquals(attribute, ttl.attributeName());
            });
        }
    }

    @Test
    void bucketsAreNamedAsTheTemplateSays() {
        String stackUuid = stack.topology().identity().stackId().substring(stack.topology().identity().stackId().lastIndexOf('/') + 1);
        assertEquals("gallery-source-" + stackUuid.substring(0, stackUuid.indexOf('-')), stack.bucketName("SourceBucket"));
        assertEquals("family-gallery-resizedbucket", stack.bucketName("ResizedBucket"));
        var buckets = stack.s3().listBuckets().buckets().stream().map(b -> b.name()).toList();
        for (StackTemplate.Resource declared : template.resourcesOfType("AWS::S3::Bucket")) {
            assertTrue(buckets.contains(stack.bucketName(declared.logicalId())), declared.logicalId());
        }
        assertEquals(template.resourcesOfType("AWS::S3::Bucket").size(), buckets.size());
    }
}
