package family.gallery.site.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import family.gallery.localaws.LocalAws;
import family.gallery.site.build.BuildReport;
import family.gallery.site.build.BuildReports;
import family.gallery.site.model.BuildIssue;

/** Build reports saved in the catalog table and read back as a status check reads them. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class BuildReportsOnStackTest {

    private final LocalAws stack = LocalStackResource.stack();
    private final BuildReports reports = new BuildReports(stack.dynamoDb(), stack.tableName("CatalogTable"));

    @Test
    void theNewestReportComesBackAsItsCounts() {
        // Later than any report of the tests before, so it is the newest one; with a fraction of a
        // second, as report keys are ordered as text.
        Instant failedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(100);
        reports.save(new BuildReport(failedAt, Duration.ofMillis(850), 7, 12, 3, List.of(), List.of(), 0,
                List.of(new BuildIssue(BuildIssue.Kind.FAILED_PHOTO, "albums/a/b.jpg", "not a JPEG")), null,
                "WebBucket refused the upload"));
        assertEquals(Optional.of(new BuildReports.Summary(failedAt, Duration.ofMillis(850), 12, 3, 0, 0, 0, 1,
                Optional.of("WebBucket refused the upload"))), reports.latest());

        Instant publishedAt = failedAt.plusMillis(1);
        reports.save(new BuildReport(publishedAt, Duration.ofMillis(1250), 8, 12, 3,
                List.of("index.html", "a/index.html"), List.of("old/index.html"), 5, List.of(), "I2LOCAL", null));
        assertEquals(Optional.of(new BuildReports.Summary(publishedAt, Duration.ofMillis(1250), 12, 3, 2, 1, 5, 0,
                Optional.empty())), reports.latest());
    }
}
