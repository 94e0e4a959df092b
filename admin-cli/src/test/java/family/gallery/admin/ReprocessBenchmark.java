package family.gallery.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoDetails;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.Rendition;
import family.gallery.catalog.TakenAt;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.S3EventMessages;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * On demand ({@code admin-cli/benchmark.sh [ALBUMS] [PHOTOS_PER_ALBUM]}): by default 10,000
 * originals in 200 albums on the local stack, each with its catalog entry; prints how long
 * {@code reprocess} takes to list them, read the catalog album by album and send every event; and
 * how long sending a lifetime's events takes.
 */
@Tag("benchmark")
class ReprocessBenchmark {

    private static final int ALBUMS = size("BENCHMARK_ALBUMS", 200);
    private static final int PHOTOS_PER_ALBUM = size("BENCHMARK_PHOTOS_PER_ALBUM", 50);
    private static final int SEEDING_THREADS = 16;
    private static final int LIFETIME = 100_000;

    @Test
    void reprocessEveryOriginal() throws Exception {
        try (LocalAws stack = LocalAws.start(LocalAwsConfig.forTests())) {
            seed(stack);
            String queue = stack.queueUrl("ResizeQueue");
            // The uploads' own events are not what is measured.
            stack.sqs().purgeQueue(r -> r.queueUrl(queue));

            Instant started = Instant.now();
            CommandRun reprocess = CommandRun.of(LocalStackServices.of(stack), "", "reprocess");
            long millis = Duration.between(started, Instant.now()).toMillis();
            assertEquals(0, reprocess.exitCode(), reprocess.err());
            String queued = stack.sqs().getQueueAttributes(r -> r.queueUrl(queue)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            System.out.printf("reprocess of %d originals in %d albums: %d ms, %s messages queued; it said: %s",
                    ALBUMS * PHOTOS_PER_ALBUM, ALBUMS, millis, queued, reprocess.out());
            // What the command spends on reading, apart from its sending.
            started = Instant.now();
            long listed = stack.s3().listObjectsV2Paginator(r -> r.bucket(stack.bucketName("SourceBucket"))
                    .prefix("albums/")).contents().stream().count();
            long listingMillis = Duration.between(started, Instant.now()).toMillis();
            started = Instant.now();
            PhotoCatalog catalog = new PhotoCatalog(stack.dynamoDb(), stack.tableName("CatalogTable"));
            IntStream.range(0, ALBUMS).forEach(album -> catalog.sequencersAfter(albumPath(album)));
            System.out.printf("reprocess reads alone: listing %d originals %d ms, one catalog query per album %d ms%n",
                    listed, listingMillis, Duration.between(started, Instant.now()).toMillis());
        }
    }

    /**
     * The sending alone, at a lifetime's size (listing that many originals from the local S3 takes
     * far longer than from AWS): reprocess's events through {@link QueueBatches}, then the same
     * batches one after another, as reprocess sent them before.
     */
    @Test
    void sendingALifetimeOfEvents() {
        try (LocalAws stack = LocalAws.start(LocalAwsConfig.forTests())) {
            String queue = stack.queueUrl("ResizeQueue");
            List<String> bodies = IntStream.range(0, LIFETIME).mapToObj(photo -> S3EventMessages.write(new ObjectEvent(
                    ObjectEvent.Type.CREATED, "ObjectCreated:Put", stack.bucketName("SourceBucket"),
                    "albums/" + albumPath(photo / 50) + String.format("/IMG_%04d.jpg", photo % 50), 4_000_000,
                    Optional.of("e" + photo), Optional.empty(), PhotoCatalog.sequencerWithoutEntry(), Instant.now()),
                    Reprocess.CONFIGURATION_ID)).toList();

            Instant started = Instant.now();
            try (QueueBatches batches = new QueueBatches(stack.sqs(), queue)) {
                bodies.forEach(batches::add);
                assertEquals(List.of(), batches.refused());
            }
            long parallelMillis = Duration.between(started, Instant.now()).toMillis();
            stack.sqs().purgeQueue(r -> r.queueUrl(queue));

            started = Instant.now();
            for (int from = 0; from < bodies.size(); from += 10) {
                List<SendMessageBatchRequestEntry> batch = IntStream.range(from, Math.min(bodies.size(), from + 10))
                        .mapToObj(i -> SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(bodies.get(i)).build())
                        .toList();
                stack.sqs().sendMessageBatch(r -> r.queueUrl(queue).entries(batch));
            }
            System.out.printf("reprocess sending %d events: %d ms eight batches at a time, %d ms one batch after another%n",
                    LIFETIME, parallelMillis, Duration.between(started, Instant.now()).toMillis());
        }
    }

    private static int size(String variable, int byDefault) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? byDefault : Integer.parseInt(value.strip());
    }

    private static String albumPath(int album) {
        return String.format("album %04d", album);
    }

    /** Each album's originals and catalog entries written by one of a few threads. */
    private static void seed(LocalAws stack) throws Exception {
        Instant started = Instant.now();
        PhotoCatalog catalog = new PhotoCatalog(stack.dynamoDb(), stack.tableName("CatalogTable"));
        String bucket = stack.bucketName("SourceBucket");
        AtomicInteger albumsDone = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(SEEDING_THREADS);
        try {
            List<Future<Void>> albums = pool.invokeAll(IntStream.range(0, ALBUMS).<Callable<Void>>mapToObj(album -> () -> {
                String path = albumPath(album);
                for (int photo = 0; photo < PHOTOS_PER_ALBUM; photo++) {
                    PhotoId id = new PhotoId(path, String.format("IMG_%04d.jpg", photo));
                    stack.s3().putObject(r -> r.bucket(bucket).key(id.sourceKey()), RequestBody.fromString(id.sourceKey()));
                    catalog.record(PhotoEntry.ready(id, "0000000000000000000000001", "e" + photo, 4000, 3000,
                            TakenAt.uploaded(started), PhotoDetails.NONE,
                            List.of(new Rendition("media/" + album + "-" + photo + "/400.jpg", 400, 300, 30_000)), started));
                }
                if (albumsDone.incrementAndGet() % 100 == 0) {
                    System.out.printf("seeding: %d of %d albums, %d s%n", albumsDone.get(), ALBUMS,
                            Duration.between(started, Instant.now()).toSeconds());
                }
                return null;
            }).toList());
            for (Future<Void> album : albums) {
                album.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("seeded %d originals in %d albums in %d ms%n", ALBUMS * PHOTOS_PER_ALBUM, ALBUMS,
                Duration.between(started, Instant.now()).toMillis());
    }
}
