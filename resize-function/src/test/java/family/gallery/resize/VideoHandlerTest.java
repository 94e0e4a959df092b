package family.gallery.resize;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.PhotoStatus;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.S3EventMessages;
import family.gallery.localaws.LocalAws;
import family.gallery.resize.video.VideoFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The video function: the same package with {@code quarkus.lambda.handler=video}, as
 * {@code QUARKUS_LAMBDA_HANDLER} sets it in template.yaml, fed the sample event in ../events.
 */
@QuarkusTest
@TestProfile(VideoHandlerTest.VideoHandler.class)
@WithTestResource(LocalStackResource.class)
class VideoHandlerTest {

    public static final class VideoHandler implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "video");
        }
    }

    @Test
    void theSampleEventConvertsItsVideo(@TempDir Path dir) throws IOException {
        LocalAws aws = LocalStackResource.aws();
        String event = Files.readString(Path.of("../events/video-uploaded.json"));
        ObjectEvent upload = S3EventMessages.parse(new ObjectMapper().readTree(event).at("/Records/0/body").asText()).get(0);
        assertEquals("albums/2026 summer/IMG_0100.MOV", upload.key());
        aws.s3().putObject(r -> r.bucket(aws.bucketName("SourceBucket")).key(upload.key()),
                RequestBody.fromFile(VideoFixtures.iphoneHevc(dir, "clip.mov", 320, 240, 1)));
        String eTag = aws.s3().headObject(r -> r.bucket(aws.bucketName("SourceBucket")).key(upload.key())).eTag()
                .replace("\"", "");

        given().contentType("application/json").accept("application/json")
                .body(event.replace(upload.eTag().orElseThrow(), eTag))
                .when().post().then().statusCode(200).body("batchItemFailures", empty());

        PhotoEntry entry = new PhotoCatalog(aws.dynamoDb(), aws.tableName("CatalogTable"))
                .find(PhotoId.of(MediaKey.of(upload.key()))).orElseThrow();
        assertEquals(PhotoStatus.READY, entry.status());
        assertEquals(List.of(240, 320), List.of(entry.width(), entry.height()));
        assertTrue(entry.video().orElseThrow().webVersion().key().endsWith(".mp4"));
    }
}
