package family.gallery.resize;

import static family.gallery.ingest.SampleEvents.s3Event;
import static family.gallery.ingest.SampleEvents.sqsEvent;
import static family.gallery.ingest.SampleEvents.sqsMessage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Invokes the handler through Quarkus's mock Lambda event server, as the Lambda runtime would. */
@QuarkusTest
class ResizeHandlerTest {

    /** Not a photo: acknowledged without touching AWS. */
    private static final String NOTES_PUT = s3Event("ObjectCreated:Put", "albums/2026 summer/notes.txt");

    @Test
    void aWellFormedBatchHasNoFailures() {
        given().contentType("application/json").accept("application/json")
                .body(sqsEvent(List.of(sqsMessage("m-1", NOTES_PUT))))
                .when().post()
                .then().statusCode(200).body("batchItemFailures", empty());
    }

    @Test
    void onlyTheMalformedMessageIsReportedFailed() {
        given().contentType("application/json").accept("application/json")
                .body(sqsEvent(List.of(sqsMessage("good-1", NOTES_PUT), sqsMessage("bad-2", "not json"),
                        sqsMessage("good-3", NOTES_PUT))))
                .when().post()
                .then().statusCode(200).body("batchItemFailures.itemIdentifier", contains("bad-2"));
    }
}
