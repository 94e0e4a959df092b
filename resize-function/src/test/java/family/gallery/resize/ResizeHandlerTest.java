package family.gallery.resize;

import static family.gallery.ingest.SampleEvents.s3Event;
import static family.gallery.ingest.SampleEvents.sqsEvent;
import static family.gallery.ingest.SampleEvents.sqsMessage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.PhotoStatus;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.S3EventMessages;
import family.gallery.localaws.LocalAws;
import family.gallery.resize.image.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import software.amazon.awssdk.core.sync.RequestBody;

/** Invokes the function through Quarkus's mock Lambda event server, as the Lambda runtime would, on the local stack. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ResizeHandlerTest {

    @Test
    void aPhotoBecomesACatalogEntryThroughTheHandler() {
        LocalAws aws = LocalStackResource.aws();
        String key = "albums/2026 summer/IMG 0001+1.jpg";
        aws.s3().putObject(r -> r.bucket(aws.bucketName("SourceBucket")).key(key),
                RequestBody.fromBytes(TestImages.fixture("Portrait_8.jpg")));
        String eTag = aws.s3().headObject(r -> r.bucket(aws.bucketName("SourceBucket")).key(key)).eTag().replace("\"", "");

        given().contentType("application/json").accept("application/json")
                .body(sqsEvent(List.of(sqsMessage("m-1", s3Event("ObjectCreated:Put", key).replace(
                        "9b2cf535f27731c974343645a3985328", eTag)))))
                .when().post()
                .then().statusCode(200).body("batchItemFailures", empty());

        PhotoEntry entry = new PhotoCatalog(aws.dynamoDb(), aws.tableName("CatalogTable"))
                .find(PhotoId.of(MediaKey.of(key))).orElseThrow();
        assertEquals(PhotoStatus.READY, entry.status());
        assertEquals(List.of(1200, 1800), List.of(entry.width(), entry.height()));
    }

    @Test
    void onlyTheMalformedMessageIsReportedFailed() {
        String notes = s3Event("ObjectCreated:Put", "albums/2026 summer/notes.txt");
        given().contentType("application/json").accept("application/json")
                .body(sqsEvent(List.of(sqsMessage("good-1", notes), sqsMessage("bad-2", "not json"),
                        sqsMessage("good-3", notes))))
                .when().post()
                .then().statusCode(200).body("batchItemFailures.itemIdentifier", contains("bad-2"));
    }

    /**
     * The samples in ../events, for {@code sam local invoke ResizeFunction -e}: the upload names the
     * ETag of the fixture put under its key here, so the photo is rendered, then deleted.
     */
    @Test
    void theSampleEventsRenderAndThenDeleteTheirPhoto() throws IOException {
        LocalAws aws = LocalStackResource.aws();
        String uploaded = sample("resize-photo-uploaded.json");
        ObjectEvent upload = S3EventMessages.parse(
                new ObjectMapper().readTree(uploaded).at("/Records/0/body").asText()).get(0);
        String key = "albums/2026 summer/Café on the pier.jpg";
        assertEquals(key, upload.key());
        aws.s3().putObject(r -> r.bucket(aws.bucketName("SourceBucket")).key(key),
                RequestBody.fromBytes(TestImages.fixture("Landscape_1.jpg")));

        invoke(uploaded).body("batchItemFailures", empty());
        PhotoCatalog catalog = new PhotoCatalog(aws.dynamoDb(), aws.tableName("CatalogTable"));
        PhotoId id = PhotoId.of(MediaKey.of(key));
        PhotoEntry entry = catalog.find(id).orElseThrow();
        assertEquals(PhotoStatus.READY, entry.status());
        assertEquals(upload.eTag(), entry.eTag());

        aws.s3().deleteObject(r -> r.bucket(aws.bucketName("SourceBucket")).key(key));
        invoke(sample("resize-photo-deleted.json")).body("batchItemFailures", empty());
        assertEquals(PhotoStatus.DELETED, catalog.find(id).orElseThrow().status());

        invoke(sample("resize-s3-test-event.json")).body("batchItemFailures", empty());
    }

    private static String sample(String name) throws IOException {
        return Files.readString(Path.of("../events", name));
    }

    private static ValidatableResponse invoke(String event) {
        return given().contentType("application/json").accept("application/json").body(event)
                .when().post().then().statusCode(200);
    }
}
