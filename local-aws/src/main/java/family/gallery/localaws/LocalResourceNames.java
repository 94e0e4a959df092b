package family.gallery.localaws;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import family.gallery.template.IntrinsicResolver;
import family.gallery.template.ResourceReferences;
import family.gallery.template.StackIdentity;
import family.gallery.template.StackTemplate.Resource;
import family.gallery.template.TemplateException;

/**
 * Physical names, ARNs and URLs of the template's resources on the local stack. An explicit name
 * property wins; otherwise the name is generated from the stack name and logical id, without
 * CloudFormation's random suffix so that it stays the same from one start to the next.
 */
final class LocalResourceNames implements ResourceReferences {

    private final StackIdentity identity;
    private final String sqsEndpoint;
    private IntrinsicResolver resolver;

    LocalResourceNames(StackIdentity identity, String sqsEndpoint) {
        this.identity = identity;
        this.sqsEndpoint = sqsEndpoint;
    }

    void resolveNamesWith(IntrinsicResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String ref(Resource resource) {
        return switch (resource.type()) {
            case "AWS::SQS::Queue" -> queueUrl(name(resource));
            case "AWS::SNS::Topic" -> arn("sns", name(resource));
            case "AWS::CloudFront::Distribution" -> cloudFrontId(resource);
            default -> name(resource);
        };
    }

    @Override
    public String attribute(Resource resource, String attribute) {
        String name = name(resource);
        String value = switch (resource.type() + "." + attribute) {
            case "AWS::S3::Bucket.Arn" -> "arn:" + identity.partition() + ":s3:::" + name;
            case "AWS::S3::Bucket.DomainName" -> name + ".s3." + identity.urlSuffix();
            case "AWS::S3::Bucket.RegionalDomainName" -> name + ".s3." + identity.region() + "." + identity.urlSuffix();
            case "AWS::SQS::Queue.Arn" -> arn("sqs", name);
            case "AWS::SQS::Queue.QueueName" -> name;
            case "AWS::SQS::Queue.QueueUrl" -> queueUrl(name);
            case "AWS::SNS::Topic.TopicArn" -> arn("sns", name);
            case "AWS::SNS::Topic.TopicName" -> name;
            case "AWS::DynamoDB::Table.Arn" -> arn("dynamodb", "table/" + name);
            case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" -> arn("lambda", "function:" + name);
            case "AWS::Logs::LogGroup.Arn" -> arn("logs", "log-group:" + name + ":*");
            case "AWS::CloudFront::Distribution.Id" -> cloudFrontId(resource);
            case "AWS::CloudFront::Distribution.DomainName" -> cloudFrontId(resource).toLowerCase(Locale.ROOT) + ".cloudfront.net";
            // What a custom resource returns is up to its handler, which does not run locally: a stable
            // name derived from the resource stands in for it.
            // A nested application (the ffmpeg layer) is not deployed locally: its outputs get stable
            // stand-in names, and the machine's own tools stand in for what it provides.
            default -> resource.type().startsWith("Custom::")
                    || resource.type().equals("AWS::Serverless::Application") && attribute.startsWith("Outputs.")
                    ? name + "-" + attribute : null;
        };
        if (value == null) {
            throw new TemplateException("the local stack does not know " + resource.logicalId() + "." + attribute
                    + " (" + resource.type() + ")");
        }
        return value;
    }

    /** The resource's physical name: its explicit name property, else one generated from the stack. */
    String name(Resource resource) {
        String property = switch (resource.type()) {
            case "AWS::S3::Bucket" -> "BucketName";
            case "AWS::SQS::Queue" -> "QueueName";
            case "AWS::SNS::Topic" -> "TopicName";
            case "AWS::DynamoDB::Table" -> "TableName";
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> "FunctionName";
            case "AWS::Logs::LogGroup" -> "LogGroupName";
            default -> "Name";
        };
        return resource.property(property)
                .map(value -> resolver.resolveString(value, resource.logicalId() + "." + property))
                .orElseGet(() -> generatedName(resource));
    }

    private String generatedName(Resource resource) {
        String name = identity.stackName() + "-" + resource.logicalId();
        if (resource.type().equals("AWS::S3::Bucket")) {
            return truncate(name.toLowerCase(Locale.ROOT), 63);
        }
        if (resource.type().equals("AWS::SQS::Queue")
                && "true".equals(String.valueOf(resource.properties().get("FifoQueue")))) {
            return truncate(name, 75) + ".fifo";
        }
        return truncate(name, 80);
    }

    /** CloudFront ids look like {@code E2QWRUHAPOMQZL}; this one is derived from the stack and resource. */
    private String cloudFrontId(Resource resource) {
        String digest = UUID.nameUUIDFromBytes((identity.stackId() + "/" + resource.logicalId())
                .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return "E" + digest.substring(0, 13).toUpperCase(Locale.ROOT);
    }

    private static String truncate(String name, int length) {
        return name.length() <= length ? name : name.substring(0, length);
    }

    private String arn(String service, String resource) {
        return "arn:" + identity.partition() + ":" + service + ":" + identity.region() + ":" + identity.accountId() + ":"
                + resource;
    }

    private String queueUrl(String name) {
        return sqsEndpoint + "/" + identity.accountId() + "/" + name;
    }
}
