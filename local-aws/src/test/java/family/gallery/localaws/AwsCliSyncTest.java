package family.gallery.localaws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.S3EventMessages;

/** Debian's AWS CLI uploads a folder of awkward names, one of them large enough for multipart upload. */
class AwsCliSyncTest {

    private static final String ALBUM = "albums/2026 summer/";
    private static final String LARGE_FILE = "big video 20MB.mp4";
    private static LocalAws stack;

    @BeforeAll
    static void start() {
        stack = LocalAws.start(LocalAwsConfig.forTests());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void syncLeavesIdenticalObjectsAndEventsThatDecodeToTheFileNames(@TempDir Path scratch) throws Exception {
        Path folder = Files.createDirectories(scratch.resolve("2026-summer"));
        List<String> names = new ArrayList<>(List.of("IMG 0001.JPG", "Café au lait.jpg", "smile 😀.png", "a+b.jpg",
                "Tom & Jerry.jpg", "#1 favourite.jpg", "100% fun.jpeg", "ümlaut ß ñ.heic", "plus+and&hash#pct%.webp",
                "quote's.gif", "(parens) [brackets].tif", "album.yml", "space  double.jpg", "日本語.jpg",
                "semi;colon.jpg", "equals=sign.jpg", "comma,name.jpg", "tilde~.jpg", "dollar$.jpg", "at@sign.jpg",
                "caret^.jpg"));
        Random random = new Random(42);
        for (String name : names) {
            byte[] content = new byte[1000 + random.nextInt(5000)];
            random.nextBytes(content);
            Files.write(folder.resolve(name), content);
        }
        byte[] large = new byte[20 * 1024 * 1024];
        random.nextBytes(large);
        Files.write(folder.resolve(LARGE_FILE), large);
        names.add(LARGE_FILE);

        String bucket = stack.bucketName("SourceBucket");
        Processes.aws(stack, scratch, List.of("s3", "sync", folder.toString(), "s3://" + bucket + "/" + ALBUM,
                "--endpoint-url", stack.s3Endpoint().toString(), "--no-progress"));

        for (String name : names) {
            byte[] stored = stack.s3().getObjectAsBytes(request -> request.bucket(bucket).key(ALBUM + name)).asByteArray();
            assertArrayEquals(sha256(Files.readAllBytes(folder.resolve(name))), sha256(stored), name);
        }

        List<ObjectEvent> events = new ArrayList<>();
        List<String> bodies = QueueMessages.receiveAll(stack, stack.queueUrl("ResizeQueue"));
        bodies.forEach(body -> events.addAll(S3EventMessages.parse(body)));
        Set<String> expectedKeys = names.stream().map(name -> ALBUM + name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedKeys, events.stream().map(ObjectEvent::key).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(names.size(), events.size(), "one event per file");
        Map<String, ObjectEvent> byKey = events.stream().collect(Collectors.toMap(ObjectEvent::key, Function.identity()));
        assertEquals("ObjectCreated:CompleteMultipartUpload", byKey.get(ALBUM + LARGE_FILE).eventName());
        assertEquals(large.length, byKey.get(ALBUM + LARGE_FILE).size());
        assertEquals("ObjectCreated:Put", byKey.get(ALBUM + "a+b.jpg").eventName());
        assertTrue(events.stream().noneMatch(event -> event.key().contains(NotifyingBlobStore.MULTIPART_STUB_PREFIX)));

        List<String> rebuild = QueueMessages.receiveAll(stack, stack.queueUrl("RebuildQueue"));
        assertEquals(1, rebuild.size(), "only album.yml reaches the rebuild queue");
        assertEquals(ALBUM + "album.yml", S3EventMessages.parse(rebuild.get(0)).get(0).key());

        String listing = Processes.aws(stack, scratch, List.of("s3", "ls", "--recursive", "s3://" + bucket + "/",
                "--endpoint-url", stack.s3Endpoint().toString()));
        assertFalse(listing.contains(NotifyingBlobStore.MULTIPART_STUB_PREFIX), listing);
        assertTrue(listing.contains("smile 😀.png") || listing.contains(new String("smile 😀.png".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] content) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(content);
    }
}
