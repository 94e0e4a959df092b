package family.gallery.site.stack;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;

/**
 * Starts the local AWS stack once for the test run and points the function's configuration at it:
 * the SiteBuilderFunction environment from template.yaml, and the SDK clients' endpoints.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private static LocalAws stack;

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
        System.setProperty("aws.region", stack.region());
        System.setProperty("aws.accessKeyId", LocalAws.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", LocalAws.SECRET_ACCESS_KEY);
        return config;
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
