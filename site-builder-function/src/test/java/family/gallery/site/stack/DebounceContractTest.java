package family.gallery.site.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import family.gallery.localaws.CloudFrontRecorder;
import family.gallery.site.SiteBuilderHandler;
import family.gallery.site.build.BuildReports;
import family.gallery.site.render.SitePaths;

/** The debounce contract on the local stack, through the real handler, queues, table and buckets. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class DebounceContractTest {

    /** The pages of a viewer in no group. */
    private static final String VIEW = family.gallery.accounts.SiteAccess.viewPrefix(java.util.Set.of());

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Pattern TILE = Pattern.compile("class=\"tile ");

    @Inject
    SiteBuilderHandler handler;

    private Pipeline pipeline;
    private BuildReports reports;

    @BeforeEach
    void startPipeline() {
        pipeline = new Pipeline(handler);
        var stack = LocalStackResource.stack();
        reports = new BuildReports(stack.dynamoDb(), stack.tableName("CatalogTable"));
    }

    @AfterEach
    void stopPipeline() throws InterruptedException {
        pipeline.close();
        assertEquals(List.of(), pipeline.errors());
        assertEquals(List.of(), SiteIntegrity.brokenLinks(LocalStackResource.s3(), pipeline.webBucket()));
        assertBuildsNeverOverlapped();
    }

    @Test
    void aBurstOfTwoHundredPhotosOverAMinuteGivesOneBuildOnceAllAreResized() throws InterruptedException {
        int before = reports.all().size();
        Instant start = Instant.now();
        for (int i = 0; i < 200; i++) {
            pipeline.upload(String.format("albums/burst/IMG_%04d.jpg", i), "photo " + i);
            Thread.sleep(Duration.ofSeconds(60).toMillis() / 200);
        }
        Instant lastUpload = Instant.now();
        String page = VIEW + SitePaths.albumPageKey("burst");
        Pipeline.await(SETTLE, "the burst on the site", () -> tiles(pipeline.published(page)) == 200);
        Thread.sleep(5000); // a second build would come within the quiet period
        List<Map<String, AttributeValue>> builds = reports.all().subList(before, reports.all().size());
        assertEquals(1, builds.size(), "builds after a burst that began at " + start + ": " + builds);
        Map<String, AttributeValue> build = builds.get(0);
        assertEquals("PUBLISHED", build.get("outcome").s());
        assertTrue(Instant.parse(build.get("startedAt").s()).isAfter(lastUpload), "built only after the burst");
    }

    @Test
    void albumYmlPhotoDeleteAndAlbumDeleteEachReachTheSiteWithOneBuild() throws InterruptedException {
        pipeline.upload("albums/edits/a.jpg", "a");
        pipeline.upload("albums/edits/b.jpg", "b");
        pipeline.upload("albums/edits/sub + more/c.jpg", "c");
        String parent = VIEW + SitePaths.albumPageKey("edits");
        String child = VIEW + SitePaths.albumPageKey("edits/sub + more");
        Pipeline.await(SETTLE, "the album", () -> tiles(pipeline.published(parent)) == 2 && pipeline.published(child).isPresent());
        settled();

        int invalidationsBefore = LocalStackResource.stack().invalidations().size();
        oneBuildFor("an album.yml change", () -> pipeline.upload("albums/edits/album.yml", "title: Edited <b>now</b>\n"),
                () -> pipeline.published(parent).orElse("").contains("<h1>Edited &lt;b&gt;now&lt;/b&gt;</h1>"));
        List<CloudFrontRecorder.Invalidation> invalidations = LocalStackResource.stack().invalidations();
        assertEquals(invalidationsBefore + 1, invalidations.size());
        List<String> paths = invalidations.get(invalidations.size() - 1).paths();
        assertTrue(paths.containsAll(List.of("/" + VIEW + "index.html", "/" + VIEW + "albums/edits/index.html")), paths.toString());
        assertFalse(paths.contains("/" + VIEW + "albums/edits/sub%20%2B%20more/index.html"),
                "unchanged pages are not invalidated: " + paths);

        oneBuildFor("a photo delete", () -> pipeline.delete("albums/edits/b.jpg"),
                () -> tiles(pipeline.published(parent)) == 1);

        oneBuildFor("an album delete", () -> pipeline.delete("albums/edits/sub + more/c.jpg"),
                () -> pipeline.published(child).isEmpty() && !pipeline.published(parent).orElse("").contains("sub%20%2B%20more"));
    }

    @Test
    void lateAndDuplicateDeliveriesNeitherLoseChangesNorResurrectPhotos() throws InterruptedException {
        pipeline.upload("albums/late/keep.jpg", "keep");
        pipeline.upload("albums/late/gone.jpg", "gone v1");
        String page = VIEW + SitePaths.albumPageKey("late");
        Pipeline.await(SETTLE, "the album", () -> tiles(pipeline.published(page)) == 2);
        settled();
        var stack = LocalStackResource.stack();
        // Catch the creation event of a new version, delete the photo, then deliver that creation late and twice.
        pipeline.close();
        pipeline.upload("albums/late/gone.jpg", "gone v2");
        String resizeQueue = stack.queueUrl("ResizeQueue");
        List<String> created = new java.util.ArrayList<>();
        Pipeline.await(Duration.ofSeconds(10), "the creation event", () -> {
            stack.sqs().receiveMessage(r -> r.queueUrl(resizeQueue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                    .forEach(m -> {
                        created.add(m.body());
                        stack.sqs().deleteMessage(d -> d.queueUrl(resizeQueue).receiptHandle(m.receiptHandle()));
                    });
            return !created.isEmpty();
        });
        pipeline = new Pipeline(handler);
        oneBuildFor("a photo delete", () -> pipeline.delete("albums/late/gone.jpg"), () -> tiles(pipeline.published(page)) == 1);
        for (int i = 0; i < 2; i++) {
            created.forEach(body -> stack.sqs().sendMessage(r -> r.queueUrl(resizeQueue).messageBody(body)));
            stack.sqs().sendMessage(r -> r.queueUrl(stack.queueUrl("RebuildQueue")).messageBody(family.gallery.ingest.Routing.CATALOG_CHANGED));
        }
        Thread.sleep(6000);
        settled();
        assertEquals(1, tiles(pipeline.published(page)), "the late creation did not bring the deleted photo back");
    }

    /** Waits for the quiet period to pass and no build to be pending. */
    private void settled() throws InterruptedException {
        var state = new family.gallery.site.debounce.BuildState(LocalStackResource.stack().dynamoDb(),
                LocalStackResource.stack().tableName("CatalogTable"));
        Pipeline.await(SETTLE, "the site to catch up", () -> !state.read().stale());
        Thread.sleep(3000);
    }

    private void oneBuildFor(String change, Runnable action, java.util.function.BooleanSupplier onSite) throws InterruptedException {
        int before = reports.all().size();
        action.run();
        Pipeline.await(SETTLE, change + " on the site", onSite);
        settled();
        assertEquals(1, reports.all().size() - before, "builds for " + change);
    }

    private void assertBuildsNeverOverlapped() {
        List<Map<String, AttributeValue>> all = reports.all();
        for (int i = 1; i < all.size(); i++) {
            Instant previousEnd = Instant.parse(all.get(i - 1).get("startedAt").s())
                    .plusMillis(Long.parseLong(all.get(i - 1).get("durationMillis").n()));
            Instant next = Instant.parse(all.get(i).get("startedAt").s());
            assertFalse(next.isBefore(previousEnd), "build at " + next + " began before the one before ended at " + previousEnd);
        }
    }

    private static int tiles(Optional<String> page) {
        Matcher matcher = TILE.matcher(page.orElse(""));
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
