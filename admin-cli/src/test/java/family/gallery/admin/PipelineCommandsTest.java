package family.gallery.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoDetails;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.Rendition;
import family.gallery.catalog.TakenAt;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.S3EventMessages;
import family.gallery.ingest.Sequencers;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;
import family.gallery.site.ChangeNotices;
import family.gallery.site.build.BuildReport;
import family.gallery.site.build.BuildReports;
import family.gallery.site.debounce.BuildTicks;
import family.gallery.site.model.BuildIssue;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/** status, rebuild, redrive and reprocess on a fresh local stack each, with only the stack's name to go on. */
class PipelineCommandsTest {

    private LocalAws stack;
    private PhotoCatalog catalog;

    @BeforeEach
    void start() {
        stack = LocalAws.start(LocalAwsConfig.forTests());
        catalog = new PhotoCatalog(stack.dynamoDb(), stack.tableName("CatalogTable"));
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    private CommandRun run(String... args) {
        return CommandRun.of(LocalStackServices.of(stack), "", args);
    }

    @Test
    void statusCountsPhotosAndShowsTheFailedOnesTheLastBuildAndTheQueues() {
        CommandRun empty = run("status");
        assertEquals(0, empty.exitCode(), empty.err());
        assertTrue(empty.out().startsWith("Photos and videos: 0 READY, 0 FAILED\nLast site build: none yet\n"), empty.out());

        Instant now = Instant.now();
        catalog.record(PhotoEntry.ready(new PhotoId("2026 summer", "beach.jpg"), "10", "e1", 1800, 1200, TakenAt.uploaded(now),
                PhotoDetails.NONE, List.of(new Rendition("media/e1/480x320.jpg", 480, 320, 1000)), now));
        catalog.record(PhotoEntry.ready(new PhotoId("2026 summer/day 1", "dunes.jpg"), "10", "e2", 1800, 1200,
                TakenAt.uploaded(now), PhotoDetails.NONE, List.of(), now));
        catalog.record(PhotoEntry.failed(new PhotoId("2026 summer", "broken.jpg"), "10", "e3", "not a JPEG file", now));
        catalog.record(PhotoEntry.failed(new PhotoId("2026 summer", "gone.jpg"), "10", "e4", "truncated", now));
        catalog.record(PhotoEntry.tombstone(new PhotoId("2026 summer", "gone.jpg"), "11", now));
        new BuildReports(stack.dynamoDb(), stack.tableName("CatalogTable")).save(new BuildReport(
                Instant.parse("2026-12-03T08:50:00.250Z"), Duration.ofMillis(1340), 4, 2, 2, List.of("index.html"), List.of(), 3,
                List.of(new BuildIssue(BuildIssue.Kind.FAILED_PHOTO, "albums/2026 summer/broken.jpg", "not a JPEG file")),
                null, null));
        for (int i = 0; i < 2; i++) {
            stack.sqs().sendMessage(r -> r.queueUrl(stack.queueUrl("ResizeDeadLetterQueue")).messageBody("dead letter"));
        }
        stack.sqs().sendMessage(r -> r.queueUrl(stack.queueUrl("RebuildQueue")).messageBody(BuildTicks.TICK)
                .delaySeconds(60));

        CommandRun status = run("status");
        assertEquals(0, status.exitCode(), status.err());
        assertEquals(List.of(
                "Photos and videos: 2 READY, 1 FAILED",
                "  FAILED 2026 summer/broken.jpg: not a JPEG file",
                "Last site build: 2026-12-03T08:50:00.250Z, 1.3 s, published",
                "  2 photos in 2 albums; pages 1 written, 0 deleted, 3 unchanged; 1 issue",
                "Queues: messages waiting, in flight, delayed",
                "  ResizeQueue                   0      0      0",
                "  ResizeDeadLetterQueue         2      0      0",
                "  VideoQueue                    0      0      0",
                "  VideoDeadLetterQueue          0      0      0",
                "  RebuildQueue                  0      0      1",
                "  RebuildDeadLetterQueue        0      0      0"), status.out().lines().toList());
    }

    @Test
    void rebuildSendsOneCatalogChangeThatTheSiteBuilderAccepts() {
        CommandRun rebuild = run("rebuild");
        assertEquals(0, rebuild.exitCode(), rebuild.err());
        List<String> bodies = drain("RebuildQueue");
        assertEquals(1, bodies.size(), bodies.toString());
        assertEquals(1, new ChangeNotices().record(bodies.get(0)), "the site builder counts it as one change");

        CommandRun elsewhere = run("rebuild", "--rebuild-queue-url", stack.queueUrl("RebuildDeadLetterQueue"));
        assertEquals(0, elsewhere.exitCode(), elsewhere.err());
        assertEquals(List.of(), drain("RebuildQueue"));
        assertEquals(bodies, drain("RebuildDeadLetterQueue"), "a queue named on the command line wins over the stack's");
    }

    @Test
    void redriveMovesTheDeadLettersBackToTheirQueues() {
        List<String> resizes = List.of("resize 1", "resize 2", "resize 3");
        resizes.forEach(body -> stack.sqs().sendMessage(r -> r.queueUrl(stack.queueUrl("ResizeDeadLetterQueue")).messageBody(body)));
        stack.sqs().sendMessage(r -> r.queueUrl(stack.queueUrl("RebuildDeadLetterQueue")).messageBody("rebuild 1"));

        CommandRun resize = run("redrive", "--queue", "resize");
        assertEquals(0, resize.exitCode(), resize.err());
        assertEquals("Moved 3 messages from ResizeDeadLetterQueue to ResizeQueue.\n", resize.out());
        assertEquals(List.of(), drain("ResizeDeadLetterQueue"));
        assertEquals(Set.copyOf(resizes), Set.copyOf(drain("ResizeQueue")));

        CommandRun both = run("redrive");
        assertEquals(0, both.exitCode(), both.err());
        assertEquals("Moved 0 messages from ResizeDeadLetterQueue to ResizeQueue.\n"
                + "Moved 0 messages from VideoDeadLetterQueue to VideoQueue.\n"
                + "Moved 1 message from RebuildDeadLetterQueue to RebuildQueue.\n", both.out());
        assertEquals(List.of(), drain("RebuildDeadLetterQueue"));
        assertEquals(List.of("rebuild 1"), drain("RebuildQueue"));
    }

    @Test
    void reprocessSendsAnEventPerPhotoUnderThePrefixThatOrdersBetweenTheCatalogAndLaterUploads() {
        String failed = "albums/2026 summer/Café + amis #1 été.jpg";
        String nested = "albums/2026 summer/day 1/IMG_0001.JPG";
        List<String> photos = List.of(failed, nested, "albums/2026 summer/clip.mov", "albums/2026 summer 2/other.jpg",
                "albums/winter/snow.png");
        List<String> others = List.of("albums/2026 summer/.DS_Store", "albums/2026 summer/album.yml",
                "albums/2026 summer/Thumbs.db", "albums/2026 summer/song.m4a");
        photos.forEach(this::upload);
        others.forEach(this::upload);
        // What the resize function would have recorded from the upload's own event.
        Map<String, ObjectEvent> uploads = events(drain("ResizeQueue"));
        catalog.record(PhotoEntry.failed(new PhotoId("2026 summer", "Café + amis #1 été.jpg"), uploads.get(failed).sequencer(),
                uploads.get(failed).eTag().orElseThrow(), "not a JPEG file", Instant.now()));

        CommandRun album = run("reprocess", "2026 summer/");
        assertEquals(0, album.exitCode(), album.err());
        assertEquals("Sent 3 photos and videos to the resize queue; skipped 4 other files.\n", album.out());
        Map<String, ObjectEvent> reprocessed = events(drain("ResizeQueue"));
        assertEquals(Set.of(failed, nested, "albums/2026 summer/clip.mov"), reprocessed.keySet());
        for (ObjectEvent event : reprocessed.values()) {
            ObjectEvent upload = uploads.get(event.key());
            assertEquals(ObjectEvent.Type.CREATED, event.type());
            assertEquals(stack.bucketName("SourceBucket"), event.bucket());
            assertEquals(upload.eTag(), event.eTag());
            assertEquals(upload.size(), event.size());
        }
        String stored = catalog.find(new PhotoId("2026 summer", "Café + amis #1 été.jpg")).orElseThrow().sequencer();
        String again = reprocessed.get(failed).sequencer();
        assertTrue(Sequencers.compare(again, stored) > 0, "newer than the FAILED entry, so it is processed");
        upload(failed);
        String later = events(drain("ResizeQueue")).get(failed).sequencer();
        assertTrue(Sequencers.compare(again, later) < 0, "older than a later upload, which it cannot roll back");

        CommandRun all = run("reprocess");
        assertEquals(0, all.exitCode(), all.err());
        assertEquals("Sent 5 photos and videos to the resize queue; skipped 4 other files.\n", all.out());
        assertEquals(Set.copyOf(photos), events(drain("ResizeQueue")).keySet());
    }

    @Test
    void badInputGetsOneLineAndExitCodeOne() {
        CommandRun unknownQueue = run("redrive", "--queue", "thumbnails");
        assertEquals(1, unknownQueue.exitCode());
        assertEquals("Unknown queue \"thumbnails\": give resize, video or rebuild.\n", unknownQueue.err());
        assertEquals("", unknownQueue.out());

        CommandRun missingStack = run("status", "--stack", "old-gallery");
        assertEquals(1, missingStack.exitCode());
        assertEquals("There is no stack named \"old-gallery\" in this account and region: give --stack or set"
                + " GALLERY_STACK.\n", missingStack.err());

        CommandRun named = run("status", "--stack", "old-gallery", "--catalog-table", stack.tableName("CatalogTable"),
                "--resize-queue-url", stack.queueUrl("ResizeQueue"), "--rebuild-queue-url", stack.queueUrl("RebuildQueue"),
                "--video-queue-url", stack.queueUrl("VideoQueue"), "--resize-dlq-url", stack.queueUrl("ResizeDeadLetterQueue"),
                "--video-dlq-url", stack.queueUrl("VideoDeadLetterQueue"), "--rebuild-dlq-url", stack.queueUrl("RebuildDeadLetterQueue"));
        assertEquals(0, named.exitCode(), "with every name given, the stack is not needed: " + named.err());
    }

    private void upload(String key) {
        stack.s3().putObject(r -> r.bucket(stack.bucketName("SourceBucket")).key(key),
                RequestBody.fromString("the bytes of " + key + " at " + System.nanoTime()));
    }

    /** The events of the messages by key (one message per event here). */
    private static Map<String, ObjectEvent> events(List<String> bodies) {
        Map<String, ObjectEvent> events = new HashMap<>();
        bodies.stream().flatMap(body -> S3EventMessages.parse(body).stream()).forEach(event -> events.put(event.key(), event));
        return events;
    }

    /** Every message now in the queue, deleted as read. */
    private List<String> drain(String logicalId) {
        String url = stack.queueUrl(logicalId);
        List<String> bodies = new ArrayList<>();
        List<Message> messages;
        do {
            messages = stack.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
            messages.forEach(message -> {
                bodies.add(message.body());
                stack.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
            });
        } while (!messages.isEmpty());
        return bodies;
    }
}
