package family.gallery.resize;

import java.util.Map;

import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the local stack for a Quarkus test and points the function's clients and environment at it. */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private static LocalAws aws;

    static LocalAws aws() {
        return aws;
    }

    @Override
    public Map<String, String> start() {
        aws = LocalAws.start(LocalAwsConfig.forTests());
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "source.bucket", aws.bucketName("SourceBucket"),
                "resized.bucket", aws.bucketName("ResizedBucket"),
                "catalog.table", aws.tableName("CatalogTable"),
                "rebuild.queue.url", aws.queueUrl("RebuildQueue"),
                "quarkus.s3.path-style-access", "true",
                "quarkus.s3.endpoint-override", aws.s3Endpoint().toString(),
                "quarkus.dynamodb.endpoint-override", aws.dynamoDbEndpoint().toString(),
                "quarkus.sqs.endpoint-override", aws.sqsEndpoint().toString()));
        for (String service : new String[] {"s3", "dynamodb", "sqs"}) {
            config.put("quarkus." + service + ".aws.region", aws.region());
            config.put("quarkus." + service + ".aws.credentials.type", "static");
            config.put("quarkus." + service + ".aws.credentials.static-provider.access-key-id", aws.credentials().accessKeyId());
            config.put("quarkus." + service + ".aws.credentials.static-provider.secret-access-key", aws.credentials().secretAccessKey());
        }
        return config;
    }

    @Override
    public void stop() {
        aws.close();
    }
}
