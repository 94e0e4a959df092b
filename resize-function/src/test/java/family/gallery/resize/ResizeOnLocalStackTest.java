package family.gallery.resize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.PhotoStatus;
import family.gallery.catalog.Rendition;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.Routing;
import family.gallery.ingest.S3EventMessages;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;
import family.gallery.resize.image.HeicRenderingTest;
import family.gallery.resize.image.PhotoRenderer;
import family.gallery.resize.image.TestImages;
import family.gallery.resize.storage.RebuildNotices;
import family.gallery.resize.storage.RenditionStore;
import family.gallery.resize.storage.SourcePhotos;
import family.gallery.resize.storage.VideoQueue;
import family.gallery.resize.video.Ffmpeg;
import family.gallery.resize.video.VideoFixtures;
import family.gallery.resize.video.VideoRenderer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The resize function's logic on the local stack: real S3 event notifications through SNS into the
 * resize queue, real renditions in S3, the catalog in DynamoDB Local, notices in the rebuild queue.
 */
class ResizeOnLocalStackTest {

    private static LocalAws aws;
    private static String source;
    private static String resized;
    private static PhotoCatalog catalog;
    private static MediaBatch batch;
    private static MediaBatch videoBatch;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(LocalAwsConfig.forTests());
        source = aws.bucketName("SourceBucket");
        resized = aws.bucketName("ResizedBucket");
        catalog = new PhotoCatalog(aws.dynamoDb(), aws.tableName("CatalogTable"));
        batch = batchOn(aws.tableName("CatalogTable"));
        SourcePhotos sourcePhotos = new SourcePhotos(aws.s3(), source);
        RenditionStore renditions = new RenditionStore(aws.s3(), resized);
        VideoRenderer videoRenderer = new VideoRenderer(Ffmpeg.onPath(), new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS),
                VideoRenderer.Settings.DEFAULTS);
        videoBatch = new MediaBatch(new CatalogUpdater(MediaKey.Kind.VIDEO,
                new VideoProcessor(sourcePhotos, renditions, videoRenderer, 50_000_000, Clock.systemUTC()), sourcePhotos,
                renditions, catalog, Clock.systemUTC()), new RebuildNotices(aws.sqs(), aws.queueUrl("RebuildQueue")),
                Optional.empty());
    }

    @BeforeEach
    void emptyQueues() {
        drain("ResizeQueue");
        drain("VideoQueue");
        drain("RebuildQueue");
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static MediaBatch batchOn(String table) {
        return batchOn(table, aws.queueUrl("RebuildQueue"));
    }

    private static MediaBatch batchOn(String table, String rebuildQueueUrl) {
        SourcePhotos sourcePhotos = new SourcePhotos(aws.s3(), source);
        RenditionStore renditions = new RenditionStore(aws.s3(), resized);
        CatalogUpdater updater = new CatalogUpdater(MediaKey.Kind.PHOTO, new PhotoProcessor(sourcePhotos, renditions,
                new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS), 1_500_000, Clock.systemUTC()), sourcePhotos, renditions,
                new PhotoCatalog(aws.dynamoDb(), table), Clock.systemUTC());
        return new MediaBatch(updater, new RebuildNotices(aws.sqs(), rebuildQueueUrl),
                Optional.of(new VideoQueue(aws.sqs(), aws.queueUrl("VideoQueue"))));
    }

    private static SQSBatchResponse run(MediaBatch batch, SQSEvent event) {
        return batch.process(event, Instant.now().plusSeconds(60));
    }

    @Test
    void aPhotoIsRenderedReplacedDeletedAndNeverResurrected() {
        String key = "albums/Été 2026/a+b c 🌊.jpg";
        PhotoId id = PhotoId.of(MediaKey.of(key));

        SQSEvent.SQSMessage first = upload(key, TestImages.fixture("Landscape_6.jpg"));
        assertNoFailures(run(batch, event(first)));
        PhotoEntry ready = catalog.find(id).orElseThrow();
        assertEquals(PhotoStatus.READY, ready.status());
        assertEquals(List.of(1800, 1200), List.of(ready.width(), ready.height()));
        assertEquals(5, ready.renditions().size());
        for (Rendition rendition : ready.renditions()) {
            HeadObjectResponse head = aws.s3().headObject(r -> r.bucket(resized).key(rendition.key()));
            assertEquals("image/jpeg", head.contentType());
            assertEquals("public, max-age=31536000, immutable", head.cacheControl());
            assertEquals(rendition.bytes(), head.contentLength());
        }
        assertEquals(1, catalogChangedNotices(), "one notice for the batch");

        assertNoFailures(run(batch, event(first)));
        assertEquals(ready, catalog.find(id).orElseThrow(), "a duplicate delivery changes nothing");
        assertEquals(0, catalogChangedNotices());

        SQSEvent.SQSMessage replacement = upload(key, TestImages.fixture("Portrait_0.jpg"));
        assertNoFailures(run(batch, event(replacement)));
        PhotoEntry replaced = catalog.find(id).orElseThrow();
        assertEquals(List.of(1200, 1800), List.of(replaced.width(), replaced.height()));
        assertFalse(replaced.eTag().equals(ready.eTag()));
        ready.renditions().forEach(old -> assertGone(old.key()));
        assertEquals(1, catalogChangedNotices());

        assertNoFailures(run(batch, event(first)));
        assertEquals(replaced, catalog.find(id).orElseThrow(), "a late event does not roll back");

        aws.s3().deleteObject(r -> r.bucket(source).key(key));
        SQSEvent.SQSMessage deletion = nextMessage("ResizeQueue", key);
        assertNoFailures(run(batch, event(deletion)));
        PhotoEntry tombstone = catalog.find(id).orElseThrow();
        assertEquals(PhotoStatus.DELETED, tombstone.status());
        assertTrue(tombstone.expiresAt().isPresent());
        replaced.renditions().forEach(old -> assertGone(old.key()));
        assertTrue(catalog.album("Été 2026").isEmpty(), "readers never see tombstones");
        assertEquals(1, catalogChangedNotices());

        assertNoFailures(run(batch, event(replacement, first)));
        assertEquals(PhotoStatus.DELETED, catalog.find(id).orElseThrow().status(), "late creations do not resurrect");
        assertEquals(0, catalogChangedNotices());
    }

    @Test
    void aDeletionFollowedByANewUploadKeepsTheNewPhoto() {
        String key = "albums/again/photo.jpg";
        PhotoId id = PhotoId.of(MediaKey.of(key));
        assertNoFailures(run(batch, event(upload(key, TestImages.fixture("Landscape_1.jpg")))));
        aws.s3().deleteObject(r -> r.bucket(source).key(key));
        SQSEvent.SQSMessage deletion = nextMessage("ResizeQueue", key);
        SQSEvent.SQSMessage reupload = upload(key, TestImages.fixture("Portrait_1.jpg"));

        assertNoFailures(run(batch, event(deletion)));
        PhotoEntry afterDeletion = catalog.find(id).orElseThrow();
        assertEquals(PhotoStatus.READY, afterDeletion.status(), "the bucket still holds a photo under the name");
        assertEquals(List.of(1200, 1800), List.of(afterDeletion.width(), afterDeletion.height()));

        assertNoFailures(run(batch, event(reupload)));
        PhotoEntry latest = catalog.find(id).orElseThrow();
        assertEquals(PhotoStatus.READY, latest.status());
        assertEquals(afterDeletion.renditions(), latest.renditions(), "same content, same content-addressed keys");
        latest.renditions().forEach(r -> aws.s3().headObject(h -> h.bucket(resized).key(r.key())));
    }

    /**
     * A photo that needs more memory than the function's heap is that photo's FAILED, and the photo
     * beside it in the batch is rendered: run in a JVM of its own with a 40 MB heap, where the 16 MP
     * photo cannot be decoded (48 MB of pixels) and the small one can.
     */
    @Test
    void aPhotoThatNeedsMoreMemoryThanTheHeapFailsAloneInItsBatch(@TempDir Path work) throws Exception {
        String big = "albums/memory/big.jpg";
        String small = "albums/memory/small.jpg";
        aws.s3().putObject(r -> r.bucket(source).key(big),
                RequestBody.fromBytes(TestImages.jpeg(TestImages.scene(4000, 4000, BufferedImage.TYPE_INT_RGB), false)));
        aws.s3().putObject(r -> r.bucket(source).key(small),
                RequestBody.fromBytes(TestImages.jpeg(TestImages.scene(300, 200, BufferedImage.TYPE_INT_RGB), false)));
        SQSEvent.SQSMessage[] messages = nextMessages("ResizeQueue", big, small);

        java.util.Properties stack = new java.util.Properties();
        stack.setProperty("region", aws.region());
        stack.setProperty("accessKeyId", aws.credentials().accessKeyId());
        stack.setProperty("secretAccessKey", aws.credentials().secretAccessKey());
        stack.setProperty("endpoint.s3", aws.s3Endpoint().toString());
        stack.setProperty("endpoint.dynamodb", aws.dynamoDbEndpoint().toString());
        stack.setProperty("endpoint.sqs", aws.sqsEndpoint().toString());
        stack.setProperty("sourceBucket", source);
        stack.setProperty("resizedBucket", resized);
        stack.setProperty("catalogTable", aws.tableName("CatalogTable"));
        stack.setProperty("rebuildQueueUrl", aws.queueUrl("RebuildQueue"));
        Path stackFile = work.resolve("stack.properties");
        try (var writer = Files.newBufferedWriter(stackFile)) {
            stack.store(writer, null);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx40m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), LowMemoryBatch.class.getName(),
                stackFile.toString()));
        for (int i = 0; i < messages.length; i++) {
            Path body = work.resolve("message-" + i + ".json");
            Files.writeString(body, messages[i].getBody());
            command.add(body.toString());
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        assertTrue(output.contains("0 failures"), "no message goes back to the queue: " + output);

        PhotoEntry failed = catalog.find(PhotoId.of(MediaKey.of(big))).orElseThrow();
        assertEquals(PhotoStatus.FAILED, failed.status());
        assertTrue(failed.reason().orElseThrow().startsWith("Rendering it needs more memory than the function has ("),
                failed.reason().toString());
        assertEquals(PhotoStatus.READY, catalog.find(PhotoId.of(MediaKey.of(small))).orElseThrow().status(), output);
    }

    @Test
    void photosThatCanNeverRenderAreFailedOnceAndAcknowledged() {
        byte[] jpeg = TestImages.jpeg(TestImages.scene(1200, 800, BufferedImage.TYPE_INT_RGB), false);
        Map<String, byte[]> bad = Map.of(
                "albums/bad/empty.jpg", new byte[0],
                "albums/bad/notes.jpg", "not a photo\n".getBytes(),
                "albums/bad/cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2),
                "albums/bad/bomb.png", TestImages.pngBomb(30000, 30000),
                "albums/bad/huge.tif", new byte[1_600_000]);
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        bad.forEach((key, bytes) -> messages.add(upload(key, bytes)));
        messages.add(upload("albums/bad/fine.jpg", jpeg));

        assertNoFailures(run(batch, event(messages.toArray(SQSEvent.SQSMessage[]::new))));

        Map<String, String> expectedReasons = Map.of("empty.jpg", "empty", "notes.jpg", "not an image",
                "cut.jpg", "truncated", "bomb.png", "more than the limit of 100.0 megapixels",
                "huge.tif", "The file is 1.6 MB; photos up to 1.5 MB are processed (MAX_PHOTO_BYTES).");
        List<PhotoEntry> album = catalog.album("bad");
        assertEquals(6, album.size());
        for (PhotoEntry entry : album) {
            String expected = expectedReasons.get(entry.id().fileName());
            if (expected == null) {
                assertEquals(PhotoStatus.READY, entry.status());
            } else {
                assertEquals(PhotoStatus.FAILED, entry.status(), entry.id().fileName());
                assertTrue(entry.reason().orElseThrow().contains(expected), entry.reason().orElseThrow());
            }
        }
        assertEquals(1, catalogChangedNotices(), "one notice for the whole batch");
    }

    @Test
    void phonePhotosRenderAndTheMotionOfALivePhotoIsNotListed(@TempDir Path dir) throws Exception {
        byte[] heic = HeicRenderingTest.phoneHeic(dir, 1200, 900);
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        messages.add(upload("albums/phone/IMG_1234.HEIC", heic));
        messages.add(upload("albums/phone/IMG_1234.MOV", TestImages.run(dir, "/usr/bin/ffmpeg", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc=size=160x120:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "IMG_1234.MOV")));
        messages.add(upload("albums/phone/sent as heic.heic", TestImages.fixture("Landscape_0.jpg")));
        messages.add(upload("albums/phone/empty.heic", new byte[0]));
        messages.add(upload("albums/phone/cut.HIF", Arrays.copyOf(heic, heic.length / 2)));

        assertNoFailures(run(batch, event(messages.toArray(SQSEvent.SQSMessage[]::new))));

        Map<String, PhotoEntry> album = new java.util.HashMap<>();
        catalog.album("phone").forEach(entry -> album.put(entry.id().fileName(), entry));
        assertEquals(java.util.Set.of("IMG_1234.HEIC", "sent as heic.heic", "empty.heic", "cut.HIF"), album.keySet(),
                "one photo for the Live Photo pair: its motion part is not listed");
        PhotoEntry photo = album.get("IMG_1234.HEIC");
        assertEquals(PhotoStatus.READY, photo.status());
        assertEquals(List.of(1200, 900), List.of(photo.width(), photo.height()));
        assertEquals("2026-07-14T09:30+02:00", photo.takenAt().orElseThrow().iso());
        assertEquals(Optional.of("Apple iPhone 15 Pro"), photo.details().camera());
        assertEquals(PhotoStatus.READY, album.get("sent as heic.heic").status(), "read by its content, not its name");
        assertTrue(album.get("empty.heic").reason().orElseThrow().contains("empty"));
        assertTrue(album.get("cut.HIF").reason().orElseThrow().contains("damaged or truncated"),
                album.get("cut.HIF").reason().orElseThrow());
    }

    @Test
    void aVideoIsPassedOnConvertedReplacedAndDeleted(@TempDir Path dir) throws IOException {
        String key = "albums/Films/IMG_0100.MOV";
        PhotoId id = PhotoId.of(MediaKey.of(key));

        assertNoFailures(run(batch, event(upload(key, Files.readAllBytes(VideoFixtures.iphoneHevc(dir, "a.mov", 320, 240, 1.5))))));
        assertTrue(catalog.find(id).isEmpty(), "the resize function passes a video on");
        assertEquals(0, catalogChangedNotices());
        assertNoFailures(run(videoBatch, event(nextMessage("VideoQueue", key))));
        PhotoEntry ready = catalog.find(id).orElseThrow();
        assertEquals(PhotoStatus.READY, ready.status());
        assertEquals(List.of(240, 320, 1500L), List.of(ready.width(), ready.height(), ready.video().orElseThrow().durationMillis()));
        assertEquals("2026-07-14T09:21:07+02:00", ready.takenAt().orElseThrow().iso());
        Rendition webVersion = ready.video().orElseThrow().webVersion();
        HeadObjectResponse head = aws.s3().headObject(r -> r.bucket(resized).key(webVersion.key()));
        assertEquals(List.of("video/mp4", webVersion.bytes()), List.of(head.contentType(), head.contentLength()));
        assertTrue(webVersion.key().endsWith("/240x320.mp4"), webVersion.key());
        assertEquals(List.of(240, 320), List.of(ready.renditions().get(0).width(), ready.renditions().get(0).height()),
                "a poster as large as the video, no larger");
        assertEquals(1, catalogChangedNotices());

        assertNoFailures(run(batch, event(upload(key, Files.readAllBytes(VideoFixtures.h264(dir, "b.mp4", 640, 360, 1, 30))))));
        assertNoFailures(run(videoBatch, event(nextMessage("VideoQueue", key))));
        PhotoEntry replaced = catalog.find(id).orElseThrow();
        assertEquals(List.of(640, 360), List.of(replaced.video().orElseThrow().webVersion().width(), replaced.height()));
        ready.storedKeys().forEach(ResizeOnLocalStackTest::assertGone);
        assertEquals(1, catalogChangedNotices());

        aws.s3().deleteObject(r -> r.bucket(source).key(key));
        assertNoFailures(run(batch, event(nextMessage("ResizeQueue", key))));
        assertNoFailures(run(videoBatch, event(nextMessage("VideoQueue", key))));
        assertEquals(PhotoStatus.DELETED, catalog.find(id).orElseThrow().status());
        replaced.storedKeys().forEach(ResizeOnLocalStackTest::assertGone);
        assertEquals(1, catalogChangedNotices());
    }

    @Test
    void aBrokenOrOversizedVideoIsRecordedFailedWithItsReason(@TempDir Path dir) throws IOException {
        String truncated = "albums/Films/cut.mp4";
        String tooLarge = "albums/Films/huge.mov";
        assertNoFailures(run(batch, event(upload(truncated, Files.readAllBytes(VideoFixtures.truncated(dir, "cut.mp4"))),
                upload(tooLarge, new byte[50_000_001]))));
        assertNoFailures(run(videoBatch, event(nextMessages("VideoQueue", truncated, tooLarge))));

        assertEquals(Optional.of("is incomplete: its index (the 'moov' box) is missing, so the upload or copy was probably cut short"),
                catalog.find(PhotoId.of(MediaKey.of(truncated))).orElseThrow().reason());
        assertEquals(Optional.of("is 0.1 GB; videos up to 0.1 GB are converted (MAX_VIDEO_BYTES)"),
                catalog.find(PhotoId.of(MediaKey.of(tooLarge))).orElseThrow().reason());
        assertEquals(1, catalogChangedNotices(), "one notice for the batch");
    }

    @Test
    void errorsWorthRetryingFailOnlyTheirMessage() {
        SQSEvent.SQSMessage photo = upload("albums/retry/one.jpg", TestImages.fixture("Portrait_3.jpg"));
        SQSEvent.SQSMessage notAPhoto = upload("albums/retry/readme.txt", "text".getBytes());
        SQSBatchResponse response = run(batchOn("no-such-table"), event(photo, notAPhoto));
        assertEquals(List.of(photo.getMessageId()),
                response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(0, catalogChangedNotices());

        photo.setAttributes(Map.of("ApproximateReceiveCount", "2"));
        assertNoFailures(run(batch, event(photo)));
        assertEquals(PhotoStatus.READY, catalog.find(PhotoId.of(MediaKey.of("albums/retry/one.jpg"))).orElseThrow().status());
        assertEquals(1, catalogChangedNotices());
    }

    @Test
    void aNoticeThatCannotBeSentIsSentWhenTheMessageIsRetried() {
        SQSEvent.SQSMessage photo = upload("albums/notice/one.jpg", TestImages.fixture("Landscape_3.jpg"));
        SQSEvent.SQSMessage unrelated = upload("albums/notice/readme.txt", "text".getBytes());
        String missingQueue = aws.queueUrl("RebuildQueue") + "-missing";
        SQSBatchResponse response = run(batchOn(aws.tableName("CatalogTable"), missingQueue), event(photo, unrelated));
        assertEquals(List.of(photo.getMessageId()),
                response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(PhotoStatus.READY, catalog.find(PhotoId.of(MediaKey.of("albums/notice/one.jpg"))).orElseThrow().status());

        assertNoFailures(run(batch, event(photo)));
        assertEquals(0, catalogChangedNotices(), "a first delivery of a recorded change is a duplicate");
        photo.setAttributes(Map.of("ApproximateReceiveCount", "2"));
        assertNoFailures(run(batch, event(photo)));
        assertEquals(1, catalogChangedNotices(), "the retry sends the notice that was lost");
    }

    private static SQSEvent.SQSMessage upload(String key, byte[] bytes) {
        aws.s3().putObject(r -> r.bucket(source).key(key), RequestBody.fromBytes(bytes));
        return nextMessage("ResizeQueue", key);
    }

    /** The notification S3 sent (through SNS) to the queue about this key, as Lambda would pass it. */
    private static SQSEvent.SQSMessage nextMessage(String logicalId, String key) {
        return nextMessages(logicalId, key)[0];
    }

    /** The notifications about these keys, in the keys' order; other messages taken on the way are dropped. */
    private static SQSEvent.SQSMessage[] nextMessages(String logicalId, String... keys) {
        String queue = aws.queueUrl(logicalId);
        Map<String, SQSEvent.SQSMessage> found = new java.util.HashMap<>();
        for (int attempt = 0; attempt < 20 && found.size() < keys.length; attempt++) {
            for (Message message : aws.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages()) {
                aws.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
                for (ObjectEvent objectEvent : S3EventMessages.parse(message.body())) {
                    SQSEvent.SQSMessage lambdaMessage = new SQSEvent.SQSMessage();
                    lambdaMessage.setMessageId(message.messageId());
                    lambdaMessage.setBody(message.body());
                    lambdaMessage.setAttributes(Map.of("ApproximateReceiveCount", "1"));
                    found.put(objectEvent.key(), lambdaMessage);
                }
            }
        }
        return Arrays.stream(keys).map(key -> {
            if (!found.containsKey(key)) {
                throw new AssertionError("no event for " + key + " reached " + logicalId);
            }
            return found.get(key);
        }).toArray(SQSEvent.SQSMessage[]::new);
    }

    private static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    /** Takes the catalog-changed notices out of the rebuild queue and counts them. */
    private static int catalogChangedNotices() {
        int notices = 0;
        for (Message message : drain("RebuildQueue")) {
            notices += Routing.CATALOG_CHANGED.equals(message.body()) ? 1 : 0;
        }
        return notices;
    }

    private static List<Message> drain(String logicalId) {
        String queue = aws.queueUrl(logicalId);
        List<Message> drained = new ArrayList<>();
        List<Message> received;
        do {
            received = aws.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            for (Message message : received) {
                aws.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
                drained.add(message);
            }
        } while (!received.isEmpty());
        return drained;
    }

    private static void assertNoFailures(SQSBatchResponse response) {
        assertEquals(List.of(), response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    }

    private static void assertGone(String key) {
        try {
            aws.s3().headObject(r -> r.bucket(resized).key(key));
            throw new AssertionError(key + " should have been deleted");
        } catch (NoSuchKeyException expected) {
            // deleted
        }
    }
}
