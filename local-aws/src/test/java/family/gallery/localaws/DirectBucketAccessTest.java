package family.gallery.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The buckets answer only requests signed with the stack's credentials, as private buckets on AWS do. */
class DirectBucketAccessTest {

    private static LocalAws stack;
    private static String bucket;

    @BeforeAll
    static void start() {
        stack = LocalAws.start(LocalAwsConfig.forTests());
        bucket = stack.bucketName("ResizedBucket");
        stack.s3().putObject(b -> b.bucket(bucket).key("media/abc/480x320.jpg"), RequestBody.fromString("jpeg"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void theStacksOwnCredentialsReadTheObject() {
        assertEquals("jpeg", stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key("media/abc/480x320.jpg")).asUtf8String());
    }

    @Test
    void anAnonymousRequestIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.s3Endpoint() + "/" + bucket + "/media/abc/480x320.jpg")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode(), response.body());
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefused() {
        assertRefused(stack.credentials().accessKeyId(), "guessed");
    }

    @Test
    void theOnceWellKnownPairIsRefused() {
        assertRefused("local", "local-secret");
    }

    private static void assertRefused(String accessKeyId, String secret) {
        try (S3Client stranger = S3Client.builder().endpointOverride(stack.s3Endpoint()).forcePathStyle(true)
                .region(Region.of(stack.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .build()) {
            S3Exception refused = assertThrows(S3Exception.class,
                    () -> stranger.getObjectAsBytes(b -> b.bucket(bucket).key("media/abc/480x320.jpg")));
            assertEquals(403, refused.statusCode());
        }
    }
}
