package family.gallery.site.stack;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;

/**
 * Starts the local AWS stack once for the test run and points the function's configuration at it:
 * the SiteBuilderFunction environment from template.yaml, and the SDK clients' endpoints.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private static LocalAws stack;

    private static S3Client s3;

    /**
     * An S3 client of the stack on Apache's HTTP client, as the site builder has on Lambda. The JDK's
     * URL connection client now and then fails a PUT with "Unexpected end of file from server" when
     * its pooled connection was closed while parallel copies ran.
     */
    public static synchronized S3Client s3() {
        if (s3 == null) {
            s3 = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder()).endpointOverride(stack().s3Endpoint())
                    .forcePathStyle(true).region(Region.of(stack().region()))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(stack().credentials().accessKeyId(), stack().credentials().secretAccessKey())))
                    .build();
        }
        return s3;
    }

    public static LocalAws stack() {
        return stack;
    }

    @Override
    public Map<String, String> start() {
        // The emulators load classes through the context class loader of the threads that start them,
        // which under Quarkus's test class loaders must be the one that loaded them.
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(LocalAws.class.getClassLoader());
        try {
            stack = LocalAws.start(LocalAwsConfig.forTests());
        } finally {
            current.setContextClassLoader(previous);
        }
        Map<String, String> config = new HashMap<>();
        stack.functionEnvironment("SiteBuilderFunction").forEach((name, value) ->
                config.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value));
        config.put("quarkus.s3.endpoint-override", stack.s3Endpoint().toString());
        config.put("quarkus.s3.path-style-access", "true");
        config.put("quarkus.sqs.endpoint-override", stack.sqsEndpoint().toString());
        config.put("quarkus.dynamodb.endpoint-override", stack.dynamoDbEndpoint().toString());
        config.put("cloudfront.endpoint-override", stack.cloudFrontEndpoint().toString());
        config.put("distribution.id", "E2LOCALTEST");
        config.put("quiet.period.seconds", "2");
        config.put("build.lease.seconds", "30");
        System.setProperty("aws.region", stack.region());
        System.setProperty("aws.accessKeyId", stack().credentials().accessKeyId());
        System.setProperty("aws.secretAccessKey", stack().credentials().secretAccessKey());
        return config;
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
