package family.gallery.site.publish;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import family.gallery.ingest.ETags;
import family.gallery.site.render.SiteFile;
import family.gallery.site.render.SitePaths;

/**
 * Publishes a fully rendered site to the web bucket, writing only objects whose content changed.
 * The order keeps the published site whole at every moment: media first (copied from the resized
 * bucket into each audience's prefix), then assets, then pages from the deepest up, home pages last,
 * and whatever is no longer part of the site deleted only once nothing links to it: pages deepest
 * first, then media. Page content is compared with the bucket listing's ETag, which is the MD5 of a
 * single-part upload under SSE-S3, so no manifest can drift from what is really published; media keys
 * name immutable content, so a copy that exists is current. Old assets stay: a page cached in a
 * browser may still ask for them.
 */
public final class SitePublisher implements AutoCloseable {

    private static final int PARALLEL_UPLOADS = 8;
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String mediaSourceBucket;
    private final ExecutorService uploads = Executors.newFixedThreadPool(PARALLEL_UPLOADS, runnable -> {
        Thread thread = new Thread(runnable, "site-upload");
        thread.setDaemon(true);
        return thread;
    });

    /** @param mediaSourceBucket the resized bucket, where the renditions and video web versions are made */
    public SitePublisher(S3Client s3, String bucket, String mediaSourceBucket) {
        this.s3 = s3;
        this.bucket = bucket;
        this.mediaSourceBucket = mediaSourceBucket;
    }

    /**
     * @param written       keys uploaded, in upload order
     * @param deleted       pages removed
     * @param unchanged     assets and pages left as they were
     * @param mediaCopied   media copied into an audience's prefix
     * @param mediaDeleted  media no audience links to any more, removed
     */
    public record Result(List<String> written, List<String> deleted, int unchanged, int mediaCopied, int mediaDeleted) {

        /** Pages a cache may hold an old copy of; new assets have new names. */
        public List<String> changedPages() {
            List<String> pages = written.stream().filter(key -> !key.startsWith(SitePaths.ASSETS))
                    .collect(Collectors.toCollection(ArrayList::new));
            pages.addAll(deleted);
            return pages;
        }
    }

    /** @param media every media object of the site: its key in the web bucket, and its key in the resized bucket */
    public Result publish(List<SiteFile> assets, List<SiteFile> pages, Map<String, String> media) {
        Map<String, String> published = listETags();
        List<Map.Entry<String, String>> missing = media.entrySet().stream()
                .filter(entry -> !published.containsKey(entry.getKey())).sorted(Map.Entry.comparingByKey()).toList();
        inParallel(missing.stream().<Runnable>map(entry -> () -> s3.copyObject(r -> r.sourceBucket(mediaSourceBucket)
                .sourceKey(entry.getValue()).destinationBucket(bucket).destinationKey(entry.getKey()))).toList());
        List<String> written = new ArrayList<>();
        int unchanged = 0;
        for (List<SiteFile> stage : stages(assets, pages)) {
            List<SiteFile> changed = stage.stream()
                    .filter(file -> !md5(file.body()).equals(published.get(file.key()))).toList();
            inParallel(changed.stream().<Runnable>map(file -> () -> s3.putObject(r -> r.bucket(bucket).key(file.key())
                    .contentType(file.contentType()).cacheControl(file.cacheControl()),
                    RequestBody.fromBytes(file.body()))).toList());
            changed.forEach(file -> written.add(file.key()));
            unchanged += stage.size() - changed.size();
        }
        Set<String> current = pages.stream().map(SiteFile::key).collect(Collectors.toSet());
        List<String> stalePages = published.keySet().stream()
                .filter(key -> isPage(key) && !current.contains(key))
                .sorted(byDepth().reversed()).toList();
        delete(stalePages);
        List<String> staleMedia = published.keySet().stream()
                .filter(key -> !isPage(key) && !key.startsWith(SitePaths.ASSETS) && !media.containsKey(key))
                .sorted().toList();
        delete(staleMedia);
        return new Result(written, stalePages, unchanged, missing.size(), staleMedia.size());
    }

    /** Assets, then pages grouped by depth, deepest first; the home page is the shallowest. */
    static List<List<SiteFile>> stages(List<SiteFile> assets, List<SiteFile> pages) {
        TreeMap<Long, List<SiteFile>> byDepth = new TreeMap<>(Comparator.reverseOrder());
        for (SiteFile page : pages) {
            byDepth.computeIfAbsent(depth(page.key()), d -> new ArrayList<>()).add(page);
        }
        List<List<SiteFile>> stages = new ArrayList<>();
        stages.add(assets);
        stages.addAll(byDepth.values());
        return stages;
    }

    private static long depth(String key) {
        return key.chars().filter(c -> c == '/').count();
    }

    private static Comparator<String> byDepth() {
        return Comparator.comparingLong(SitePublisher::depth);
    }

    private static boolean isPage(String key) {
        return key.equals(SitePaths.HOME) || key.endsWith("/" + SitePaths.HOME);
    }

    private Map<String, String> listETags() {
        Map<String, String> eTags = new HashMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
            // An object listed without an ETag matches no page, so the page is uploaded again.
            eTags.put(object.key(), ETags.unquoted(object.eTag()));
        }
        return eTags;
    }

    /** All of a stage, in parallel; the stage is complete (or the publish fails) before the next begins. */
    private void inParallel(Collection<Runnable> writes) {
        List<Future<?>> pending = new ArrayList<>();
        for (Runnable write : writes) {
            pending.add(uploads.submit(write));
        }
        for (Future<?> upload : pending) {
            try {
                upload.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            } catch (ExecutionException e) {
                pending.forEach(other -> other.cancel(false));
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
    }

    private void delete(List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            var response = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                throw new IllegalStateException("could not delete " + response.errors().get(0).key() + ": "
                        + response.errors().get(0).message());
            }
        }
    }

    static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    @Override
    public void close() {
        uploads.shutdownNow();
    }
}
