package family.gallery.site.stack;

import static family.gallery.site.model.CatalogPhotos.ready;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.s3.S3Client;

import family.gallery.localaws.CloudFrontRecorder;
import family.gallery.site.model.AlbumYaml;
import family.gallery.site.model.GalleryAssembler;
import family.gallery.site.model.GalleryAssembler.AlbumOrder;
import family.gallery.site.publish.CacheInvalidator;
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

    private final S3Client s3 = LocalStackResource.stack().s3();
    private String bucket;

    @BeforeEach
    void freshBucket() {
        bucket = "publish-test-" + BUCKETS.incrementAndGet();
        s3.createBucket(r -> r.bucket(bucket));
    }

    /** Albums a, a/b (with a + and an accent), c. */
    private static List<SiteFile> before() {
        return render(List.of(ready("a", "1.jpg"), ready("a/b + é", "2.jpg"), ready("c", "3.jpg")), Map.of());
    }

    /** c is gone, d/e is new, a has a new title, a/b is unchanged. */
    private static List<SiteFile> after() {
        return render(List.of(ready("a", "1.jpg"), ready("a/b + é", "2.jpg"), ready("d/e", "4.jpg")),
                Map.of("a", AlbumYaml.parse("title: A, renamed")));
    }

    private static List<SiteFile> render(List<family.gallery.site.model.CatalogPhoto> photos,
            Map<String, AlbumYaml.Parsed> yml) {
        return new SiteRenderer(SiteConfig.defaults(), ASSETS.urls())
                .render(new GalleryAssembler(AlbumOrder.NEWEST_FIRST).assemble(photos, yml));
    }

    @Test
    void writesOnlyWhatChangedAndDeletesPagesOfAlbumsThatAreGone() {
        try (SitePublisher publisher = new SitePublisher(s3, bucket)) {
            SitePublisher.Result first = publisher.publish(ASSETS.files(), before());
            assertEquals(ASSETS.files().size() + 4, first.written().size());
            SitePublisher.Result again = publisher.publish(ASSETS.files(), before());
            assertEquals(List.of(), again.written());
            assertEquals(ASSETS.files().size() + 4, again.unchanged());

            SitePublisher.Result second = publisher.publish(ASSETS.files(), after());
            assertEquals(Set.of("albums/d/e/index.html", "albums/d/index.html", "albums/a/index.html", "index.html"),
                    Set.copyOf(second.written()));
            assertEquals(List.of("albums/c/index.html"), second.deleted());
            assertEquals(List.of(), SiteIntegrity.brokenLinks(s3, bucket));
            var head = s3.headObject(r -> r.bucket(bucket).key("index.html"));
            assertEquals("no-cache", head.cacheControl());
            assertTrue(head.contentType().startsWith("text/html"));
            String asset = ASSETS.files().get(0).key();
            assertEquals("public, max-age=31536000, immutable", s3.headObject(r -> r.bucket(bucket).key(asset)).cacheControl());
        }
    }

    @Test
    void everyLinkWorksAfterEveryWriteAndDelete() {
        List<String> brokenAlongTheWay = new ArrayList<>();
        S3Client checking = intercept(s3, (method, count) -> {
            if (method.equals("putObject") || method.equals("deleteObjects")) {
                SiteIntegrity.brokenLinks(s3, bucket).forEach(broken -> brokenAlongTheWay.add("after " + method + " #" + count + ": " + broken));
            }
        });
        try (SitePublisher publisher = new SitePublisher(checking, bucket)) {
            publisher.publish(ASSETS.files(), before());
            publisher.publish(ASSETS.files(), after());
        }
        assertEquals(List.of(), brokenAlongTheWay);
    }

    @Test
    void aPublishThatFailsHalfWayLeavesAWholeSiteAndTheOldHomePage() {
        try (SitePublisher publisher = new SitePublisher(s3, bucket)) {
            publisher.publish(ASSETS.files(), before());
        }
        byte[] oldHome = s3.getObjectAsBytes(r -> r.bucket(bucket).key("index.html")).asByteArray();
        AtomicInteger puts = new AtomicInteger();
        S3Client failing = intercept(s3, (method, count) -> {
            if (method.equals("putObject") && puts.incrementAndGet() == 2) {
                throw new IllegalStateException("connection reset");
            }
        });
        try (SitePublisher publisher = new SitePublisher(failing, bucket)) {
            assertThrows(IllegalStateException.class, () -> publisher.publish(ASSETS.files(), after()));
        }
        assertEquals(List.of(), SiteIntegrity.brokenLinks(s3, bucket));
        assertArrayEquals(oldHome, s3.getObjectAsBytes(r -> r.bucket(bucket).key("index.html")).asByteArray());
        assertTrue(s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream().anyMatch(o -> o.key().equals("albums/c/index.html")),
                "the old album's page is still there");
        try (SitePublisher publisher = new SitePublisher(s3, bucket)) {
            publisher.publish(ASSETS.files(), after());
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
