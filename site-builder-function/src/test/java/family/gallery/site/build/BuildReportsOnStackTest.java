package family.gallery.site.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import family.gallery.localaws.LocalAws;
import family.gallery.site.debounce.BuildState;
import family.gallery.site.model.BuildIssue;
import family.gallery.site.stack.LocalStackResource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Build reports saved in the catalog table and read back as a status check reads them. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class BuildReportsOnStackTest {

    private final LocalAws stack = LocalStackResource.stack();
    private final String table = stack.tableName("CatalogTable");
    private final BuildReports reports = new BuildReports(stack.dynamoDb(), table);

    @Test
    void theNewestReportComesBackAsItsCounts() {
        // After every report of the tests before, so it is the newest; with a fraction of a second,
        // as report keys are ordered as text.
        Instant failedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).plusMillis(100);
        Instant publishedAt = failedAt.plusSeconds(2);
        try {
            reports.save(new BuildReport(failedAt, Duration.ofMillis(850), 7, 12, 3, List.of(), List.of(), 0,
                    List.of(new BuildIssue(BuildIssue.Kind.FAILED_PHOTO, "albums/a/b.jpg", "not a JPEG")), null,
                    "WebBucket refused the upload"));
            assertEquals(Optional.of(new BuildReports.Summary(failedAt, Duration.ofMillis(850), 12, 3, 0, 0, 0, 1,
                    Optional.of("WebBucket refused the upload"))), reports.latest());

            reports.save(new BuildReport(publishedAt, Duration.ofMillis(1250), 8, 12, 3,
                    List.of("index.html", "a/index.html"), List.of("old/index.html"), 5, List.of(), "I2LOCAL", null));
            assertEquals(Optional.of(new BuildReports.Summary(publishedAt, Duration.ofMillis(1250), 12, 3, 2, 1, 5, 0,
                    Optional.empty())), reports.latest());
        } finally {
            // The tests after this one take every report in the shared table for their pipeline's.
            for (Instant startedAt : List.of(failedAt, publishedAt)) {
                stack.dynamoDb().deleteItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(BuildState.PARTITION),
                        "sk", AttributeValue.fromS(BuildReports.PREFIX + startedAt))));
            }
        }
    }
}
