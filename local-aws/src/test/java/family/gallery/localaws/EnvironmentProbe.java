package family.gallery.localaws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Run in its own process with the stack's endpoint environment: SDK clients built with no
 * configuration in code list what the stack holds, which they can only do through
 * {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_REGION} and the credential variables.
 */
public final class EnvironmentProbe {

    private EnvironmentProbe() {
    }

    public static void main(String[] args) {
        try (S3Client s3 = S3Client.create(); SqsClient sqs = SqsClient.create(); DynamoDbClient dynamoDb = DynamoDbClient.create()) {
            s3.listBuckets().buckets().forEach(bucket -> System.out.println("bucket " + bucket.name()));
            sqs.listQueues().queueUrls().forEach(url -> System.out.println("queue " + url));
            dynamoDb.listTables().tableNames().forEach(table -> System.out.println("table " + table));
        }
    }
}
