package family.gallery.admin;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS services the commands use: the real ones here, the local stack's in tests.
 *
 * @param stackResources a stack's physical resource ids by logical id, from its name; empty when there is no such stack
 */
record AwsServices(DynamoDbClient dynamoDb, S3Client s3, SqsClient sqs,
        Function<String, Optional<Map<String, String>>> stackResources) {

    /**
     * Clients with the AWS CLI's credentials and region.
     *
     * @param endpoint one endpoint for every service (S3 then addressed path-style), or null for AWS's
     */
    static AwsServices sdk(String endpoint) {
        return new AwsServices(configure(DynamoDbClient.builder(), endpoint).build(),
                configure(S3Client.builder(), endpoint).forcePathStyle(endpoint != null).build(),
                configure(SqsClient.builder(), endpoint).build(),
                stack -> {
                    try (CloudFormationClient cloudFormation = configure(CloudFormationClient.builder(), endpoint).build()) {
                        return StackResources.fromCloudFormation(cloudFormation, stack);
                    }
                });
    }

    private static <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(B builder, String endpoint) {
        builder.httpClient(UrlConnectionHttpClient.create());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }
}
