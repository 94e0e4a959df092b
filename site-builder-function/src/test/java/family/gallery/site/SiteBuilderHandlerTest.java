package family.gallery.site;

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
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import family.gallery.localaws.LocalAws;
import family.gallery.site.debounce.BuildState;
import family.gallery.site.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class SiteBuilderHandlerTest {

    private static final String ALBUM_YML_PUT = s3Event("ObjectCreated:Put", "albums/2026 summer/album.yml");

    @Inject
    ChangeNotices notices;

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

    /**
     * The samples in ../events, for {@code sam local invoke SiteBuilderFunction -e}: an album.yml
     * change and a catalog-changed notice in one batch record one change; the builder's tick none.
     */
    @Test
    void theSampleBatchRecordsAChangeAndTheSampleTickNone() throws IOException {
        String changes = Files.readString(Path.of("../events/site-builder-changes.json"));
        List<Integer> announced = new ArrayList<>();
        new ObjectMapper().readTree(changes).get("Records").forEach(record -> announced.add(notices.record(record.get("body").asText())));
        assertEquals(List.of(1, 1), announced);

        LocalAws stack = LocalStackResource.stack();
        BuildState state = new BuildState(stack.dynamoDb(), stack.tableName("CatalogTable"));
        long changed = state.read().changed();
        invoke(changes);
        assertEquals(changed + 1, state.read().changed());
        invoke(Files.readString(Path.of("../events/site-builder-tick.json")));
        assertEquals(changed + 1, state.read().changed());
    }

    private static void invoke(String event) {
        given().contentType("application/json").accept("application/json").body(event)
                .when().post()
                .then().statusCode(200).body("batchItemFailures", empty());
    }
}
