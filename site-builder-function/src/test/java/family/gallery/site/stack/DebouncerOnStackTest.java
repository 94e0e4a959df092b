package family.gallery.site.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

import family.gallery.localaws.LocalAws;
import family.gallery.site.build.AlbumSettingsSource;
import family.gallery.site.debounce.BuildState;
import family.gallery.site.debounce.BuildTicks;
import family.gallery.site.debounce.Debouncer;
import family.gallery.site.debounce.ProcessingBacklog;
import family.gallery.site.model.AlbumYaml;

/** The debouncer's decisions against the real table and queues, with a builder that only counts. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class DebouncerOnStackTest {

    private final LocalAws stack = LocalStackResource.stack();
    private final String table = stack.tableName("CatalogTable");
    private final String rebuildQueue = stack.queueUrl("RebuildQueue");
    private final String resizeQueue = stack.queueUrl("ResizeQueue");
    private final String videoQueue = stack.queueUrl("VideoQueue");

    /** Each test starts with empty queues and no build state. */
    @BeforeEach
    void reset() {
        stack.sqs().purgeQueue(r -> r.queueUrl(resizeQueue));
        stack.sqs().purgeQueue(r -> r.queueUrl(videoQueue));
        stack.sqs().purgeQueue(r -> r.queueUrl(rebuildQueue));
        stack.dynamoDb().deleteItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(BuildState.PARTITION),
                "sk", AttributeValue.fromS("STATE"))));
    }

    private Debouncer debouncer(Debouncer.SiteBuilder builder) {
        return new Debouncer(new BuildState(stack.dynamoDb(), table), new ProcessingBacklog(stack.sqs(), List.of(resizeQueue, videoQueue)),
                new BuildTicks(stack.sqs(), rebuildQueue), builder,
                new Debouncer.Timing(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(30)), Clock.systemUTC());
    }

    @Test
    void waitsForQuietAndForQueuedPhotosAndVideosThenBuildsOnce() throws InterruptedException {
        List<Long> builds = new ArrayList<>();
        Debouncer debouncer = debouncer(builds::add);
        stack.sqs().sendMessage(r -> r.queueUrl(resizeQueue).messageBody("a photo still to resize"));
        stack.sqs().sendMessage(r -> r.queueUrl(videoQueue).messageBody("a video still to convert"));
        debouncer.recordChange();
        debouncer.recordChange();
        debouncer.settle();
        assertEquals(List.of(), builds, "not quiet yet");
        assertEquals(List.of(BuildTicks.TICK), drainTicks(), "one tick, however many notices");
        Thread.sleep(1200);
        debouncer.settle();
        assertEquals(List.of(), builds, "a resize is still queued");
        List<Message> queued = stack.sqs().receiveMessage(r -> r.queueUrl(resizeQueue)).messages();
        stack.sqs().deleteMessage(r -> r.queueUrl(resizeQueue).receiptHandle(queued.get(0).receiptHandle()));
        Thread.sleep(1200);
        debouncer.settle();
        assertEquals(List.of(), builds, "a video is still being converted");
        List<Message> converting = stack.sqs().receiveMessage(r -> r.queueUrl(videoQueue)).messages();
        stack.sqs().deleteMessage(r -> r.queueUrl(videoQueue).receiptHandle(converting.get(0).receiptHandle()));
        Thread.sleep(1200);
        debouncer.settle();
        debouncer.settle();
        assertEquals(1, builds.size(), "one build once quiet and resized");
        assertFalse(new BuildState(stack.dynamoDb(), table).read().stale());
    }

    @Test
    void aFailedBuildReleasesTheLeaseAndIsRetriedWhileAHeldLeaseBlocksOthers() throws InterruptedException {
        BuildState state = new BuildState(stack.dynamoDb(), table);
        state.recordChange(java.time.Instant.now().minusSeconds(5));
        assertThrows(IllegalStateException.class, () -> debouncer(target -> {
            throw new IllegalStateException("disk full");
        }).settle());
        assertEquals(1, state.read().failures());
        drainTicks();

        var held = state.acquire("someone else", java.time.Instant.now(), Duration.ofSeconds(30));
        assertTrue(held.isPresent(), "the failed build gave the lease back");
        List<Long> builds = new ArrayList<>();
        debouncer(builds::add).settle();
        assertEquals(List.of(), builds, "no second build while the lease is held");
        state.complete(held.get());
        assertFalse(state.read().stale());
    }

    @Test
    void anExpiredLeaseOfACrashedBuilderIsTakenOver() {
        BuildState state = new BuildState(stack.dynamoDb(), table);
        state.recordChange(java.time.Instant.now().minusSeconds(5));
        assertTrue(state.acquire("crashed", java.time.Instant.now().minusSeconds(60), Duration.ofSeconds(30)).isPresent());
        List<Long> builds = new ArrayList<>();
        debouncer(builds::add).settle();
        assertEquals(1, builds.size());
        assertFalse(state.read().stale());
    }

    @Test
    void albumYmlIsReadFromTheSourceBucketWithItsProblems() {
        String source = "album-yml-test"; // a bucket without event notifications
        stack.s3().createBucket(r -> r.bucket(source));
        stack.s3().putObject(r -> r.bucket(source).key("albums/y/album.yml"), RequestBody.fromString("title: Y\nsort: dice\n"));
        stack.s3().putObject(r -> r.bucket(source).key("albums/y/empty/album.yml"), RequestBody.empty());
        stack.s3().putObject(r -> r.bucket(source).key("albums/y/huge/album.yml"),
                RequestBody.fromString("description: " + "x".repeat(300 * 1024)));
        Map<String, AlbumYaml.Parsed> read = new AlbumSettingsSource(stack.s3(), source)
                .read(List.of("y/empty", "y/huge", "y/none"));
        assertEquals(List.of("y", "y/empty", "y/huge"), List.copyOf(read.keySet()));
        assertEquals("Y", read.get("y").settings().title());
        assertEquals(1, read.get("y").problems().size());
        assertEquals(List.of(), read.get("y/empty").problems());
        assertEquals(List.of("larger than 262144 bytes; not read, and the album is shown to nobody until it is smaller"), read.get("y/huge").problems());
    }

    private List<String> drainTicks() {
        List<String> bodies = new ArrayList<>();
        for (Message message : stack.sqs().receiveMessage(r -> r.queueUrl(rebuildQueue).maxNumberOfMessages(10)
                .waitTimeSeconds(2)).messages()) {
            bodies.add(message.body());
            stack.sqs().deleteMessage(r -> r.queueUrl(rebuildQueue).receiptHandle(message.receiptHandle()));
        }
        return bodies;
    }
}
