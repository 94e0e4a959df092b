package family.gallery.site.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import family.gallery.catalog.CatalogSeeding;
import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoDetails;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.Rendition;
import family.gallery.catalog.TakenAt;
import family.gallery.localaws.LocalAws;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.site.build.AccessSource;
import family.gallery.site.build.AlbumSettingsSource;
import family.gallery.site.build.BuildReport;
import family.gallery.site.build.BuildReports;
import family.gallery.site.build.CatalogSource;
import family.gallery.site.build.SiteBuild;
import family.gallery.site.publish.CacheInvalidator;
import family.gallery.site.publish.SitePublisher;
import family.gallery.site.publish.StaleZips;
import family.gallery.site.render.SiteAssets;
import family.gallery.site.render.SiteConfig;
import family.gallery.site.render.SitePaths;
import family.gallery.site.stack.LocalStackResource;

/**
 * On demand ({@code site-builder-function/benchmark.sh [ALBUMS] [PHOTOS_PER_ALBUM]}): by default
 * 10,000 photos in 200 albums on the local stack. Prints the first build into an empty bucket (every
 * rendition copied), a full build that renders and uploads every page again with the media already
 * published, the same build with nothing changed, and a build after one photo's caption changed. The
 * builder's log lines give each build's phases. Those builds are timed alone; one more full build is
 * then watched for the most heap it kept live, since watching means collecting the heap every few seconds.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@Tag("benchmark")
class SiteBuildBenchmark {

    private static final long MEGABYTE = 1024 * 1024;
    private static final int ALBUMS = size("BENCHMARK_ALBUMS", 200);
    private static final int PHOTOS_PER_ALBUM = size("BENCHMARK_PHOTOS_PER_ALBUM", 50);
    private static final int SEEDING_THREADS = 16;
    private static final int SEEDING_PROGRESS_SECONDS = 15;
    private static final int DELETE_BATCH = 1000;

    @Test
    void fullAndIncrementalBuilds() throws Exception {
        LocalAws stack = LocalStackResource.stack();
        String table = stack.tableName("CatalogTable");
        String source = stack.bucketName("SourceBucket");
        String resized = stack.bucketName("ResizedBucket");
        String accounts = stack.tableName("AccountsTable");
        seed(stack, table, source, resized);

        SiteAssets assets = SiteAssets.load();
        SiteConfig config = SiteConfig.defaults();
        String web = "benchmark-web";
        LocalStackResource.s3().createBucket(r -> r.bucket(web));
        try (SitePublisher publisher = new SitePublisher(LocalStackResource.s3(), web, resized, resized)) {
            SiteBuild build = new SiteBuild(new CatalogSource(new PhotoCatalog(stack.dynamoDb(), table)),
                    new AlbumSettingsSource(LocalStackResource.s3(), source),
                    new AccessSource(new ViewerAccounts(stack.dynamoDb(), accounts, Clock.systemUTC()),
                            new ShareLinks(stack.dynamoDb(), accounts, Clock.systemUTC())), config, assets, publisher,
                    new StaleZips(LocalStackResource.s3(), stack.functionEnvironment("SiteBuilderFunction").get("ZIP_BUCKET")),
                    new CacheInvalidator(stack.cloudFront(), "EBENCHMARK"), new BuildReports(stack.dynamoDb(), table),
                    Clock.systemUTC());
            BuildReport first = print("full build, first ever: empty bucket, every rendition copied", build, 1);
            // Pages gone, media published: every page is rendered and uploaded again, as after a template change.
            List<String> pages = first.written().stream().filter(key -> key.endsWith(SitePaths.HOME)).toList();
            deleteObjects(web, pages);
            print("full build: every page written again, media published", build, 2);
            print("rebuild, nothing changed", build, 3);
            LocalStackResource.s3().putObject(r -> r.bucket(source).key("albums/album 0042/album.yml"),
                    RequestBody.fromString(albumYml(42, "A new caption for photo 7")));
            int invalidationsBefore = stack.invalidations().size();
            print("rebuild after one caption changed", build, 4);
            System.out.printf("invalidations: %d, paths: %s%n", stack.invalidations().size() - invalidationsBefore,
                    stack.invalidations().get(stack.invalidations().size() - 1).paths());
            deleteObjects(web, pages);
            LiveHeap heap = LiveHeap.watch();
            build.run(5);
            System.out.printf("full build again, watched: peak live heap %d MB above the %d MB live before it%n",
                    heap.stop() / MEGABYTE, heap.before() / MEGABYTE);
        }
    }

    private static int size(String variable, int byDefault) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? byDefault : Integer.parseInt(value.strip());
    }

    private static BuildReport print(String what, SiteBuild build, long target) {
        BuildReport report = build.run(target);
        System.out.printf("%-60s %6d ms  photos %6d  albums %4d  written %5d  deleted %3d  unchanged %5d%n", what,
                report.duration().toMillis(), report.photos(), report.albums(), report.written().size(),
                report.deleted().size(), report.unchanged());
        return report;
    }

    private static String albumYml(int album, String caption) {
        return "title: Album " + album + "\ndate: 2025-" + String.format("%02d", album % 12 + 1) + "-01\n"
                + "captions:\n  IMG_0007.jpg: '" + caption + "'\n";
    }

    /**
     * Each album (its album.yml, renditions and, in batches, its catalog entries) written by one of
     * {@link #SEEDING_THREADS} threads: a lifetime's 200,000 renditions would otherwise take longer than the builds.
     */
    private static void seed(LocalAws stack, String table, String source, String resized) throws Exception {
        Instant started = Instant.now();
        AtomicInteger albumsDone = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(SEEDING_THREADS);
        List<Future<?>> albums = new ArrayList<>();
        for (int album = 0; album < ALBUMS; album++) {
            int number = album;
            albums.add(pool.submit(() -> {
                seedAlbum(stack, table, source, resized, number);
                albumsDone.incrementAndGet();
                return null;
            }));
        }
        pool.shutdown();
        while (!pool.awaitTermination(SEEDING_PROGRESS_SECONDS, TimeUnit.SECONDS)) {
            System.out.printf("seeding: %d of %d albums, %d s%n", albumsDone.get(), ALBUMS,
                    Duration.between(started, Instant.now()).toSeconds());
        }
        for (Future<?> album : albums) {
            album.get();
        }
        System.out.printf("seeded %d photos in %d albums in %d ms%n", ALBUMS * PHOTOS_PER_ALBUM, ALBUMS,
                Duration.between(started, Instant.now()).toMillis());
    }

    private static void seedAlbum(LocalAws stack, String table, String source, String resized, int album) throws Exception {
        String path = albumPath(album);
        LocalStackResource.s3().putObject(r -> r.bucket(source).key("albums/" + path + "/album.yml"),
                RequestBody.fromString(albumYml(album, "Photo 7 of album " + album)));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        List<PhotoEntry> entries = new ArrayList<>();
        for (int photo = 0; photo < PHOTOS_PER_ALBUM; photo++) {
            PhotoId id = new PhotoId(path, String.format("IMG_%04d.jpg", photo));
            String sequence = HexFormat.of().toHexDigits(id.hashCode());
            // Spread as the resize function's SHA-256 digests are: the builder checks its copies by first digit.
            String digest = HexFormat.of().formatHex(sha256.digest(id.sourceKey().getBytes(StandardCharsets.UTF_8)), 0, 16);
            int landscape = photo % 3 == 0 ? 3000 : 4000;
            int portrait = photo % 3 == 0 ? 4000 : 3000;
            PhotoEntry entry = PhotoEntry.ready(id, "00000000000000000" + sequence, sequence, landscape, portrait,
                    TakenAt.camera(LocalDateTime.of(2005 + album % 20, album % 12 + 1, photo % 28 + 1, 12, 0), Optional.empty()),
                    PhotoDetails.camera("Pixel 8"), List.of(
                            new Rendition("media/" + digest + "/400.jpg", landscape / 10, portrait / 10, 30_000),
                            new Rendition("media/" + digest + "/1600.jpg", landscape * 4 / 10, portrait * 4 / 10, 300_000)),
                    Instant.now());
            entries.add(entry);
            for (Rendition rendition : entry.renditions()) {
                LocalStackResource.s3().putObject(r -> r.bucket(resized).key(rendition.key()), RequestBody.fromString("a rendition"));
            }
        }
        CatalogSeeding.write(stack.dynamoDb(), table, entries);
    }

    /** Four digits, so a lifetime's albums sort as they are numbered. */
    private static String albumPath(int album) {
        return String.format("album %04d", album);
    }

    private static void deleteObjects(String bucket, List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            LocalStackResource.s3().deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        }
    }
}
