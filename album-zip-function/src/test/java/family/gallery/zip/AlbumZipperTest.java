package family.gallery.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import family.gallery.accounts.AlbumZips;
import family.gallery.accounts.AlbumZips.Progress;
import family.gallery.accounts.ZipManifest;
import family.gallery.accounts.ZipStatuses;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;

/** The zipper against the local stack's S3: the archive's entries, bytes and dates, and every way it can fail. */
class AlbumZipperTest {

    /** S3's smallest part: files of 2.5 MiB make archives of more than one part. */
    private static final int PART = 5 << 20;
    private static LocalAws stack;
    private static S3Client s3;
    private static String web;
    private static String zips;

    @BeforeAll
    static void start() {
        stack = LocalAws.start(LocalAwsConfig.forTests());
        s3 = stack.s3();
        Map<String, String> environment = stack.functionEnvironment("AlbumZipFunction");
        web = environment.get("WEB_BUCKET");
        zips = environment.get("ZIP_BUCKET");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static AlbumZipper zipper(S3Client client) {
        return new AlbumZipper(client, web, zips, PART, Clock.systemUTC());
    }

    @Test
    void archivesEveryFileUnderItsNameAndDateInSeveralParts() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a/family/media/1/2048x1365.jpg", bytes(1, 2_500_000));
        files.put("a/family/media/2/2048x1365.jpg", bytes(2, 2_500_000));
        files.put("a/family/media/3/1920x1080.mp4", bytes(3, 1_200_000));
        files.forEach((key, body) -> s3.putObject(r -> r.bucket(web).key(key), RequestBody.fromBytes(body)));
        LocalDateTime taken = LocalDateTime.of(2026, 7, 14, 18, 30, 12);
        String folder = publish("a/family/", ZipManifest.of("Été 2026.zip", List.of(
                new ZipManifest.Entry("a/family/media/1/2048x1365.jpg", "IMG_0001.jpg", taken),
                new ZipManifest.Entry("a/family/media/2/2048x1365.jpg", "img_0001.jpg", null),
                new ZipManifest.Entry("a/family/media/3/1920x1080.mp4", "Clip.mp4", taken.plusMinutes(1)))));

        Progress made = zipper(s3).make(folder);

        assertEquals(AlbumZips.State.READY, made.state());
        assertEquals(3, made.done());
        assertEquals(0, made.skipped());
        var head = s3.headObject(r -> r.bucket(zips).key(folder + AlbumZips.ARCHIVE));
        assertEquals(made.bytes(), head.contentLength());
        assertTrue(head.contentLength() > 6_200_000, "stored, not compressed away: " + head.contentLength());
        assertEquals("attachment; filename=\"_t_ 2026.zip\"; filename*=UTF-8''%C3%89t%C3%A9%202026.zip", head.contentDisposition());
        assertEquals("application/zip", head.contentType());
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(s3.getObject(r -> r.bucket(zips).key(folder + AlbumZips.ARCHIVE)))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                entries.put(entry.getName(), entry);
                contents.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertEquals(List.of("IMG_0001.jpg", "img_0001 (2).jpg", "Clip.mp4"), List.copyOf(entries.keySet()));
        assertArrayEquals(files.get("a/family/media/1/2048x1365.jpg"), contents.get("IMG_0001.jpg"));
        assertArrayEquals(files.get("a/family/media/2/2048x1365.jpg"), contents.get("img_0001 (2).jpg"));
        assertArrayEquals(files.get("a/family/media/3/1920x1080.mp4"), contents.get("Clip.mp4"));
        assertEquals(taken, entries.get("IMG_0001.jpg").getTimeLocal());
        assertEquals(AlbumZips.State.READY, new ZipStatuses(s3, zips).read(folder).orElseThrow().progress().state());
        assertEquals(0, s3.listMultipartUploads(r -> r.bucket(zips)).uploads().size());
    }

    @Test
    void aFileGoneSinceTheBuildIsSkippedAndTheRestArchived() throws IOException {
        s3.putObject(r -> r.bucket(web).key("g/k3q7x2mbd5ra/media/9/480x320.jpg"), RequestBody.fromBytes(bytes(9, 1000)));
        String folder = publish("g/k3q7x2mbd5ra/", ZipManifest.of("Guests.zip", List.of(
                new ZipManifest.Entry("g/k3q7x2mbd5ra/media/8/480x320.jpg", "gone.jpg", null),
                new ZipManifest.Entry("g/k3q7x2mbd5ra/media/9/480x320.jpg", "here.jpg", null))));

        Progress made = zipper(s3).make(folder);

        assertEquals(AlbumZips.State.READY, made.state());
        assertEquals(1, made.done());
        assertEquals(1, made.skipped());
        try (ZipInputStream zip = new ZipInputStream(s3.getObject(r -> r.bucket(zips).key(folder + AlbumZips.ARCHIVE)))) {
            assertEquals("here.jpg", zip.getNextEntry().getName());
            assertEquals(null, zip.getNextEntry());
        }
    }

    @Test
    void aZipAlreadyMadeIsNotMadeAgain() {
        s3.putObject(r -> r.bucket(web).key("a/everyone/media/7/480x320.jpg"), RequestBody.fromBytes(bytes(7, 1000)));
        String folder = publish("a/everyone/", ZipManifest.of("Once.zip", List.of(
                new ZipManifest.Entry("a/everyone/media/7/480x320.jpg", "one.jpg", null))));
        zipper(s3).make(folder);
        var first = s3.headObject(r -> r.bucket(zips).key(folder + AlbumZips.ARCHIVE));
        s3.deleteObject(r -> r.bucket(web).key("a/everyone/media/7/480x320.jpg"));

        Progress again = zipper(s3).make(folder);

        assertEquals(AlbumZips.State.READY, again.state());
        assertEquals(1, again.done());
        assertEquals(first.eTag(), s3.headObject(r -> r.bucket(zips).key(folder + AlbumZips.ARCHIVE)).eTag());
    }

    @Test
    void aManifestNoLongerPublishedFailsWithAReasonForThePage() {
        String folder = AlbumZips.folder("a/family/", "0".repeat(64));

        Progress made = zipper(s3).make(folder);

        assertEquals(AlbumZips.State.FAILED, made.state());
        assertTrue(made.error().contains("Reload the page"), made.error());
        assertEquals(made, new ZipStatuses(s3, zips).read(folder).orElseThrow().progress());
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(zips).key(folder + AlbumZips.ARCHIVE)));
    }

    @Test
    void aManifestNamingAnotherAudiencesFileIsRefused() {
        s3.putObject(r -> r.bucket(web).key("a/parents/media/5/480x320.jpg"), RequestBody.fromBytes(bytes(5, 1000)));
        String folder = publish("a/friends/", ZipManifest.of("Sneaky.zip", List.of(
                new ZipManifest.Entry("a/parents/media/5/480x320.jpg", "secret.jpg", null))));

        Progress made = zipper(s3).make(folder);

        assertEquals(AlbumZips.State.FAILED, made.state());
        assertTrue(made.error().contains("a/parents/media/5/480x320.jpg"), made.error());
        assertThrows(S3Exception.class, () -> s3.headObject(r -> r.bucket(zips).key(folder + AlbumZips.ARCHIVE)));
    }

    @Test
    void anUnreadableManifestFailsNamingWhy() {
        String folder = AlbumZips.folder("a/family/", "1".repeat(64));
        s3.putObject(r -> r.bucket(web).key(folder + AlbumZips.MANIFEST), RequestBody.fromString("{\"fileName\": 3}"));

        Progress made = zipper(s3).make(folder);

        assertEquals(AlbumZips.State.FAILED, made.state());
        assertTrue(made.error().contains("no fileName"), made.error());
    }

    @Test
    void aFolderThatIsNotAZipFolderIsRefusedBeforeAnyRequest() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> zipper(s3).make("a/family/media/../zips/x/"));
        assertTrue(refused.getMessage().contains("a/family/media/../zips/x/"), refused.getMessage());
    }

    @Test
    void anUploadThatFailsMidwayIsAbandonedAndSaysSo() {
        s3.putObject(r -> r.bucket(web).key("a/family/media/6/2048x1365.jpg"), RequestBody.fromBytes(bytes(6, 6_000_000)));
        String folder = publish("a/family/", ZipManifest.of("Broken.zip", List.of(
                new ZipManifest.Entry("a/family/media/6/2048x1365.jpg", "big.jpg", null))));
        S3Client failingParts = (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("uploadPart")) {
                        throw S3Exception.builder().statusCode(500).message("We encountered an internal error").build();
                    }
                    try {
                        return method.invoke(s3, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        assertThrows(RuntimeException.class, () -> zipper(failingParts).make(folder));

        Progress status = new ZipStatuses(s3, zips).read(folder).orElseThrow().progress();
        assertEquals(AlbumZips.State.FAILED, status.state());
        assertTrue(status.error().contains("Try again"), status.error());
        assertEquals(0, s3.listMultipartUploads(r -> r.bucket(zips)).uploads().size());
        assertFalse(s3.listObjectsV2(r -> r.bucket(zips).prefix(folder + AlbumZips.ARCHIVE)).hasContents());
    }

    /** Publishes the manifest as the site builder does, in a folder named by its digest. */
    private static String publish(String audience, ZipManifest manifest) {
        String folder = manifest.folder(audience);
        s3.putObject(r -> r.bucket(web).key(folder + AlbumZips.MANIFEST), RequestBody.fromBytes(manifest.toJson()));
        return folder;
    }

    private static byte[] bytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
