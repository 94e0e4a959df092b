package family.gallery.site;

import static family.gallery.ingest.SampleEvents.s3Event;
import static family.gallery.ingest.SampleEvents.sqsEvent;
import static family.gallery.ingest.SampleEvents.sqsMessage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import family.gallery.site.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class SiteBuilderHandlerTest {

    private static final String ALBUM_YML_PUT = s3Event("ObjectCreated:Put", "albums/2026 summer/album.yml");

    @Test
    void acceptsAlbumMetadataAndCatalogChanges() {
        given().contentType("application/json").accept("application/json")
                .body(sqsEvent(List.of(sqsMessage("s3-1", ALBUM_YML_PUT),
                        sqsMessage("notice-2", ChangeNotices.CATALOG_CHANGED))))
                .when().post()
                .then().statusCode(200).body("batchItemFailures", empty());
    }

    @Test
    void reportsAMessageItCannotRead() {
        given().contentType("application/json").accept("application/json")
                .body(sqsEvent(List.of(sqsMessage("s3-1", ALBUM_YML_PUT),
                        sqsMessage("junk-2", "{\"hello\":\"world\"}"))))
                .when().post()
                .then().statusCode(200).body("batchItemFailures.itemIdentifier", contains("junk-2"));
    }
}
