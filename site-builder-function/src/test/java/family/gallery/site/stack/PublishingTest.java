package family.gallery.site.stack;

import static family.gallery.site.model.CatalogPhotos.ready;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

import family.gallery.accounts.AlbumZips;
import family.gallery.accounts.SiteAccess;
import family.gallery.site.build.SiteViews;
import family.gallery.site.render.SiteView;

import family.gallery.localaws.CloudFrontRecorder;
import family.gallery.site.model.AlbumYaml;
import family.gallery.site.model.GalleryAssembler;
import family.gallery.site.model.GalleryAssembler.AlbumOrder;
import family.gallery.site.publish.CacheInvalidator;
import family.gallery.site.publish.PublishedMedia;
import family.gallery.site.publish.SitePublisher;
import family.gallery.site.render.SiteAssets;
import family.gallery.site.render.SiteConfig;
import family.gallery.site.render.SiteFile;
import family.gallery.site.render.SiteRenderer;

/** Publishing to a real bucket of the local stack: what is written, in which order, and what a failure leaves. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class PublishingTest {

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final SiteAssets ASSETS = SiteAssets.load();

    private static final String VIEW = SiteAccess.viewPrefix(Set.of());

    private final S3Client s3 = LocalStackResource.s3();
    private String bucket;
    private String resized;
    private String source;
    private long builds;

    @BeforeEach
    void freshBuckets() {
        bucket = "publish-test-" + BUCKETS.incrementAndGet();
        resized = bucket + "-resized";
        source = bucket + "-source";
        s3.createBucket(r -> r.bucket(bucket));
        s3.createBucket(r -> r.bucket(resized));
        s3.createBucket(r -> r.bucket(source));
    }

    /** The pages of a viewer in no group, and the media and originals they link to. */
    private record Site(List<SiteFile> pages, Map<String, String> media, Map<String, String> originals) {
    }

    private SitePublisher publisher(S3Client client) {
        return new SitePublisher(client, bucket, resized, source);
    }

    private SitePublisher.Result publish(SitePublisher publisher, Site site) {
        return publish(publisher, site, ++builds);
    }

    /** @param build picks the sixteenth of the media checked against the bucket: those whose digest starts with its hex digit */
    private SitePublisher.Result publish(SitePublisher publisher, Site site, long build) {
        site.media().values().forEach(key -> s3.putObject(r -> r.bucket(resized).key(key).contentType("image/jpeg"),
                RequestBody.fromString("rendition " + key)));
        site.originals().values().forEach(key -> s3.putObject(r -> r.bucket(source).key(key).contentType("image/heic"),
                RequestBody.fromString("original " + key)));
        return publisher.publish(ASSETS.files(), site.pages(), site.media(), site.originals(), build);
    }

    /** The build that checks the copy under {@code key} against the bucket. */
    private static long buildChecking(String key) {
        return Character.digit(key.charAt(key.indexOf("/media/") + "/media/".length()), 16);
    }

    private boolean published(String key) {
        return s3.listObjectsV2(r -> r.bucket(bucket).prefix(key)).contents().stream().anyMatch(o -> o.key().equals(key));
    }

    /** Albums a, a/b (with a + and an accent), c. */
    private static Site before() {
        return render(List.of(ready("a", "1.jpg"), ready("a/b + é", "2.jpg"), ready("c", "3.jpg")), Map.of());
    }

    /** c is gone, d/e is new, a has a new title, a/b is unchanged. */
    private static Site after() {
        return render(List.of(ready("a", "1.jpg"), ready("a/b + é", "2.jpg"), ready("d/e", "4.jpg")),
                Map.of("a", AlbumYaml.parse("title: A, renamed")));
    }

    private static Site render(List<family.gallery.site.model.CatalogPhoto> photos, Map<String, AlbumYaml.Parsed> yml) {
        SiteView view = SiteView.members(Set.of(), new GalleryAssembler(AlbumOrder.NEWEST_FIRST).assemble(photos, yml), true);
        return new Site(new SiteRenderer(SiteConfig.defaults(), ASSETS.urls()).render(view), SiteViews.media(List.of(view)),
                SiteViews.originals(List.of(view)));
    }

    @Test
    void originalsAreCopiedToBeSavedUnderTheirOwnNameAndGoWhenTheAlbumStopsOfferingThem() {
        List<family.gallery.site.model.CatalogPhoto> photos = List.of(ready("kept", "Été 1.HEIC"), ready("kept", "2.jpg"));
        Site offering = render(photos, Map.of("kept", AlbumYaml.parse("originals: true")));
        try (SitePublisher publisher = publisher(s3)) {
            SitePublisher.Result first = publish(publisher, offering);
            assertEquals(2, offering.originals().size());
            assertEquals(6 + 2, first.mediaCopied(), "three renditions and the original of each photo");
            String copy = offering.originals().entrySet().stream().filter(e -> e.getValue().endsWith(".HEIC"))
                    .findFirst().orElseThrow().getKey();
            var head = s3.headObject(r -> r.bucket(bucket).key(copy));
            assertEquals("attachment; filename=\"_t_ 1.HEIC\"; filename*=UTF-8''%C3%89t%C3%A9%201.HEIC",
                    head.contentDisposition());
            assertEquals("image/heic", head.contentType());
            assertEquals("original albums/kept/Été 1.HEIC",
                    s3.getObjectAsBytes(r -> r.bucket(bucket).key(copy)).asUtf8String(), "the bytes as uploaded");
            assertEquals(List.of(), SiteIntegrity.brokenLinks(s3, bucket));

            SitePublisher.Result closed = publish(publisher, render(photos, Map.of()));
            assertEquals(2, closed.mediaDeleted(), "the album no longer offers its originals");
            assertFalse(published(copy));
        }
    }

    @Test
    void writesOnlyWhatChangedAndDeletesPagesAndMediaOfAlbumsThatAreGone() {
        // What an older layout published at the root goes once nothing links to it.
        s3.putObject(r -> r.bucket(bucket).key("index.html"), RequestBody.fromString("<p>old home</p>"));
        s3.putObject(r -> r.bucket(bucket).key("albums/old/index.html"), RequestBody.fromString("<p>old album</p>"));
        try (SitePublisher publisher = publisher(s3)) {
            SitePublisher.Result first = publish(publisher, before());
            List<String> manifests = first.written().stream().filter(AlbumZips::isManifest).toList();
            assertEquals(3, manifests.size(), "an album ZIP manifest for each album with photos: " + first.written());
            assertEquals(ASSETS.files().size() + 4 + 3, first.written().size());
            assertEquals(9, first.mediaCopied(), "three renditions of each of three photos");
            assertEquals(List.of("albums/old/index.html", "index.html"), first.deleted());
            SitePublisher.Result again = publish(publisher, before());
            assertEquals(List.of(), again.written());
            assertEquals(0, again.mediaCopied());
            assertEquals(ASSETS.files().size() + 4 + 3, again.unchanged());

            SitePublisher.Result second = publish(publisher, after());
            assertEquals(Set.of(VIEW + "albums/d/e/index.html", VIEW + "albums/d/index.html", VIEW + "albums/a/index.html",
                    VIEW + "index.html"), second.written().stream().filter(key -> !AlbumZips.isManifest(key)).collect(Collectors.toSet()));
            assertEquals(1, second.written().stream().filter(AlbumZips::isManifest).count(), "d/e's; a's files are as they were");
            assertEquals(List.of(VIEW + "albums/c/index.html"), second.deleted().stream().filter(key -> !AlbumZips.isManifest(key)).toList());
            assertEquals(1, second.deleted().stream().filter(AlbumZips::isManifest).count(), "c's manifest goes with its page");
            assertEquals(List.of(VIEW + "albums/c/index.html"), second.changedPages().stream()
                    .filter(key -> key.contains("albums/c/")).toList(), "manifests are never invalidated");
            assertEquals(3, second.mediaCopied());
            assertEquals(3, second.mediaDeleted());
            assertEquals(List.of(), SiteIntegrity.brokenLinks(s3, bucket));
            String copy = after().media().keySet().iterator().next();
            assertEquals(SiteAccess.EVERYONE, copy.substring(0, SiteAccess.EVERYONE.length()));
            assertEquals("image/jpeg", s3.headObject(r -> r.bucket(bucket).key(copy)).contentType(), "copied with its metadata");
            var head = s3.headObject(r -> r.bucket(bucket).key(VIEW + "index.html"));
            assertEquals("no-cache", head.cacheControl());
            assertTrue(head.contentType().startsWith("text/html"));
            String asset = ASSETS.files().get(0).key();
            assertEquals("public, max-age=31536000, immutable", s3.headObject(r -> r.bucket(bucket).key(asset)).cacheControl());
        }
    }

    @Test
    void aRemovedPhotosCopiesAreDeletedWithoutListingTheMedia() {
        List<String> listings = new ArrayList<>();
        try (SitePublisher publisher = publisher(listingsInto(listings))) {
            publish(publisher, before());
            listings.clear();
            SitePublisher.Result second = publish(publisher, after(), 0);
            assertEquals(3, second.mediaDeleted());
        }
        Set<String> gone = new HashSet<>(before().media().keySet());
        gone.removeAll(after().media().keySet());
        assertEquals(3, gone.size());
        gone.forEach(key -> assertFalse(published(key), key + " is deleted"));
        after().media().keySet().forEach(key -> assertTrue(published(key), key + " is published"));
        List<String> mediaListings = listings.stream().filter(prefix -> prefix.contains("/media/")).sorted().toList();
        assertEquals("0123456789abcdef".chars().mapToObj(second -> SiteAccess.EVERYONE + "media/0" + (char) second).toList(),
                mediaListings, "only the checked sixteenth of the media is listed, as sixteen narrower prefixes");
    }

    @Test
    void aCopyDeletedBehindTheBuildersBackIsRestoredWhenItsSixteenthIsChecked() {
        String copy = before().media().keySet().iterator().next();
        long checking = buildChecking(copy);
        try (SitePublisher publisher = publisher(s3)) {
            publish(publisher, before());
            s3.deleteObject(r -> r.bucket(bucket).key(copy));
            assertEquals(0, publish(publisher, before(), checking + 1).mediaCopied(), "another sixteenth checked");
            assertFalse(published(copy));
            assertEquals(1, publish(publisher, before(), checking).mediaCopied());
            assertTrue(published(copy));
        }
    }

    @Test
    void withoutItsManifestTheBuilderListsTheWholeBucketAgain() {
        String copy = before().media().keySet().iterator().next();
        try (SitePublisher publisher = publisher(s3)) {
            publish(publisher, before());
            s3.deleteObject(r -> r.bucket(bucket).key(copy));
            s3.deleteObject(r -> r.bucket(bucket).key(PublishedMedia.KEY));
            assertEquals(1, publish(publisher, before(), buildChecking(copy) + 1).mediaCopied());
            assertTrue(published(copy));
            assertEquals(0, publish(publisher, before(), buildChecking(copy) + 1).mediaCopied());
        }
    }

    @Test
    void copiesUnderWayWhenABuildFailedAreCopiedAgainIfWantedAndDeletedIfNot() {
        try (SitePublisher publisher = publisher(failingAt("copyObject", 5))) {
            assertThrows(IllegalStateException.class, () -> publish(publisher, before()));
        }
        try (SitePublisher publisher = publisher(s3)) {
            SitePublisher.Result retry = publish(publisher, after(), 0);
            assertEquals(after().media().size(), retry.mediaCopied(), "none was recorded as done");
        }
        Set<String> gone = new HashSet<>(before().media().keySet());
        gone.removeAll(after().media().keySet());
        gone.forEach(key -> assertFalse(published(key), key + " may have been copied, so it is deleted"));
        assertEquals(List.of(), SiteIntegrity.brokenLinks(s3, bucket));
    }

    @Test
    void everyLinkWorksAfterEveryWriteAndDelete() {
        List<String> brokenAlongTheWay = new ArrayList<>();
        S3Client checking = intercept(s3, (method, count) -> {
            if (method.equals("putObject") || method.equals("deleteObjects") || method.equals("copyObject")) {
                SiteIntegrity.brokenLinks(s3, bucket).forEach(broken -> brokenAlongTheWay.add("after " + method + " #" + count + ": " + broken));
            }
        });
        try (SitePublisher publisher = publisher(checking)) {
            publish(publisher, before());
            publish(publisher, after());
        }
        assertEquals(List.of(), brokenAlongTheWay);
    }

    @Test
    void aPublishThatFailsHalfWayLeavesAWholeSiteAndTheOldHomePage() {
        try (SitePublisher publisher = publisher(s3)) {
            publish(publisher, before());
        }
        byte[] oldHome = s3.getObjectAsBytes(r -> r.bucket(bucket).key(VIEW + "index.html")).asByteArray();
        try (SitePublisher publisher = publisher(failingAt("putObject", 2))) {
            assertThrows(IllegalStateException.class, () -> publish(publisher, after()));
        }
        assertEquals(List.of(), SiteIntegrity.brokenLinks(s3, bucket));
        assertArrayEquals(oldHome, s3.getObjectAsBytes(r -> r.bucket(bucket).key(VIEW + "index.html")).asByteArray());
        assertTrue(s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                .anyMatch(o -> o.key().equals(VIEW + "albums/c/index.html")), "the old album's page is still there");
        try (SitePublisher publisher = publisher(s3)) {
            publish(publisher, after());
        }
        assertEquals(List.of(), SiteIntegrity.brokenLinks(s3, bucket));
    }

    @Test
    void invalidatesTheChangedPagesInOneRequest() {
        var stack = LocalStackResource.stack();
        int before = stack.invalidations().size();
        CacheInvalidator invalidator = new CacheInvalidator(stack.cloudFront(), "E2PUBLISHTEST");
        assertTrue(invalidator.invalidate(List.of("index.html", "albums/a/b + é/index.html"), "build-1").isPresent());
        assertTrue(new CacheInvalidator(stack.cloudFront(), " ").invalidate(List.of("index.html"), "build-2").isEmpty());
        assertTrue(invalidator.invalidate(List.of(), "build-3").isEmpty());
        List<CloudFrontRecorder.Invalidation> invalidations = stack.invalidations();
        assertEquals(before + 1, invalidations.size());
        assertEquals(List.of("/", "/index.html", "/albums/a/b%20%2B%20%C3%A9/index.html"),
                invalidations.get(invalidations.size() - 1).paths());
    }

    /** The client, noting the prefix of every listing made through a paginator. */
    @SuppressWarnings("unchecked")
    private S3Client listingsInto(List<String> prefixes) {
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("listObjectsV2Paginator") && args[0] instanceof Consumer<?> request) {
                        ListObjectsV2Request.Builder listing = ListObjectsV2Request.builder();
                        ((Consumer<ListObjectsV2Request.Builder>) request).accept(listing);
                        prefixes.add(String.valueOf(listing.build().prefix()));
                    }
                    try {
                        return method.invoke(s3, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The client, failing the {@code nth} call of {@code method} as a dropped connection would. */
    private S3Client failingAt(String method, int nth) {
        AtomicInteger calls = new AtomicInteger();
        return intercept(s3, (called, count) -> {
            if (called.equals(method) && calls.incrementAndGet() == nth) {
                throw new IllegalStateException("connection reset");
            }
        });
    }

    interface Interceptor {
        void after(String method, int count);
    }

    /** The client, with a hook after every call (which may throw to simulate a failure). */
    static S3Client intercept(S3Client client, Interceptor interceptor) {
        AtomicInteger calls = new AtomicInteger();
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    interceptor.after(method.getName(), calls.incrementAndGet());
                    return result;
                });
    }
}
