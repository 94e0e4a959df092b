package family.gallery.site.publish;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import family.gallery.accounts.AlbumZips;
import family.gallery.ingest.ETags;
import family.gallery.ingest.logging.LogLine;
import family.gallery.site.concurrent.ParallelRequests;
import family.gallery.site.render.SiteFile;
import family.gallery.site.render.SitePaths;

/**
 * Publishes a fully rendered site to the web bucket, writing only objects whose content changed.
 * The order keeps the published site whole at every moment: media first (copied from the resized
 * bucket into each audience's prefix), then assets, then pages from the deepest up, home pages last,
 * and whatever is no longer part of the site deleted only once nothing links to it: pages deepest
 * first, then media. Pages and assets are compared with the bucket listing's ETag, which is the MD5
 * of a single-part upload under SSE-S3, so what is compared is what is really published. Media are
 * far more numerous and their keys name immutable content, so instead of listing them every build the
 * builder keeps a manifest of its copies ({@link PublishedMedia}) and checks one sixteenth of them
 * against the bucket per build: a copy removed behind its back is copied again within sixteen builds.
 * Old assets stay: a page cached in a browser may still ask for them.
 */
public final class SitePublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SitePublisher.class);
    private static final int PARALLEL_WRITES = 8;
    private static final int DELETE_BATCH = 1000;
    /** Copies between two looks at the clock, and how often the manifest records their progress. */
    private static final int COPY_BATCH = 2000;
    private static final long CHECKPOINT_NANOS = 20_000_000_000L;
    /** Media live in {@code <a or g>/<audience>/media/}: the third level of folders. */
    private static final String MEDIA = "media/";
    private static final int MEDIA_DEPTH = 3;
    private static final String DIGEST_DIGITS = "0123456789abcdef";

    private final S3Client s3;
    private final String bucket;
    private final String mediaSourceBucket;
    private final OriginalCopier originalCopier;
    private final ParallelRequests writes = new ParallelRequests(PARALLEL_WRITES, "site-upload");

    /**
     * @param mediaSourceBucket the resized bucket, where the renditions and video web versions are made
     * @param originalsBucket   the source bucket, where the originals were uploaded
     */
    public SitePublisher(S3Client s3, String bucket, String mediaSourceBucket, String originalsBucket) {
        this.s3 = s3;
        this.bucket = bucket;
        this.mediaSourceBucket = mediaSourceBucket;
        this.originalCopier = new OriginalCopier(s3, originalsBucket, bucket);
    }

    /**
     * @param written       keys uploaded, in upload order
     * @param deleted       pages and album ZIP manifests removed
     * @param unchanged     assets and pages left as they were
     * @param mediaCopied   media copied into an audience's prefix
     * @param mediaDeleted  media no audience links to any more, removed
     */
    public record Result(List<String> written, List<String> deleted, int unchanged, int mediaCopied, int mediaDeleted) {

        /** Pages a cache may hold an old copy of; new assets have new names. */
        public List<String> changedPages() {
            return Stream.concat(written.stream().filter(key -> !key.startsWith(SitePaths.ASSETS)), deleted.stream())
                    .filter(SitePublisher::isPage).toList();
        }
    }

    /** Pages and assets with their ETags, and every other object found. */
    private record Listing(Map<String, String> files, List<String> others) {

        Listing() {
            this(new HashMap<>(), new ArrayList<>());
        }

        void add(S3Object object) {
            if (object.key().equals(PublishedMedia.KEY)) {
                return;
            }
            if (isPageOrManifest(object.key()) || object.key().startsWith(SitePaths.ASSETS)) {
                // An object listed without an ETag matches no page, so the page is uploaded again.
                files.put(object.key(), ETags.unquoted(object.eTag()));
            } else {
                others.add(object.key());
            }
        }
    }

    /**
     * @param media     every rendition and web version of the site: its key in the web bucket, and its key in the resized bucket
     * @param originals every original offered for download: its key in the web bucket (in a media folder), and in the source bucket
     * @param build     the build's number, which picks the sixteenth of the media checked against the bucket
     */
    public Result publish(List<SiteFile> assets, List<SiteFile> pages, Map<String, String> media,
            Map<String, String> originals, long build) {
        Map<String, String> wanted = new HashMap<>(media);
        wanted.putAll(originals);
        Optional<PublishedMedia> manifest = PublishedMedia.read(s3, bucket);
        Listing listing = new Listing();
        list("", manifest.isPresent() ? 0 : MEDIA_DEPTH, listing);
        // Without a manifest everything was listed; with one, what lies outside the media folders other
        // than pages and assets does not belong there either. Either way, what is not wanted goes at the end.
        PublishedMedia known = manifest.orElseGet(PublishedMedia::none);
        known.markPresent(listing.others());
        check(known, wanted.keySet(), DIGEST_DIGITS.charAt((int) Math.floorMod(build, DIGEST_DIGITS.length())));
        List<Map.Entry<String, String>> missing = wanted.entrySet().stream()
                .filter(entry -> !known.isPresent(entry.getKey())).sorted(Map.Entry.comparingByKey()).toList();
        copy(missing, originals.keySet(), known);
        List<String> written = new ArrayList<>();
        int unchanged = 0;
        for (List<SiteFile> stage : stages(assets, pages)) {
            List<SiteFile> changed = stage.stream()
                    .filter(file -> !md5(file.body()).equals(listing.files().get(file.key()))).toList();
            inParallel(changed.stream().<Runnable>map(file -> () -> s3.putObject(r -> r.bucket(bucket).key(file.key())
                    .contentType(file.contentType()).cacheControl(file.cacheControl()),
                    RequestBody.fromBytes(file.body()))).toList());
            changed.forEach(file -> written.add(file.key()));
            unchanged += stage.size() - changed.size();
        }
        Set<String> current = pages.stream().map(SiteFile::key).collect(Collectors.toSet());
        List<String> stalePages = listing.files().keySet().stream()
                .filter(key -> isPageOrManifest(key) && !current.contains(key))
                .sorted(byDepth().reversed()).toList();
        delete(stalePages);
        List<String> staleMedia = known.mayExist().stream().filter(key -> !wanted.containsKey(key)).sorted().toList();
        if (!staleMedia.isEmpty()) {
            known.markUncertain(staleMedia);
            known.save(s3, bucket);
            delete(staleMedia);
            known.markAbsent(staleMedia);
            known.save(s3, bucket);
        }
        return new Result(written, stalePages, unchanged, missing.size(), staleMedia.size());
    }

    /**
     * Lists the bucket from {@code prefix}, folder by folder down to the audiences' media folders,
     * which are left out; from {@link #MEDIA_DEPTH} on, everything under the prefix at once.
     */
    private void list(String prefix, int depth, Listing listing) {
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)
                .delimiter(depth < MEDIA_DEPTH ? "/" : null))) {
            page.contents().forEach(listing::add);
            for (CommonPrefix folder : page.commonPrefixes()) {
                if (depth + 1 < MEDIA_DEPTH || !folder.prefix().endsWith("/" + MEDIA)) {
                    list(folder.prefix(), depth + 1, listing);
                }
            }
        }
    }

    /**
     * Compares one sixteenth of the media (those whose digest starts with {@code digit}) in every
     * audience's media folder with the bucket, correcting the manifest both ways. Each sixteenth is
     * listed as sixteen narrower prefixes at once: a lifetime's sixteenth is some 12,000 digests, which
     * one listing would page through a thousand keys at a time, one request after another.
     */
    private void check(PublishedMedia known, Set<String> wanted, char digit) {
        Set<String> mayExist = known.mayExist();
        Set<String> mediaFolders = new TreeSet<>();
        Stream.concat(mayExist.stream(), wanted.stream()).map(SitePublisher::mediaFolder)
                .flatMap(Optional::stream).forEach(mediaFolders::add);
        for (String folder : mediaFolders) {
            String share = folder + digit;
            List<Set<String>> listed = writes.all(DIGEST_DIGITS.chars().mapToObj(second -> share + (char) second)
                    .<Callable<Set<String>>>map(prefix -> () -> {
                        Set<String> keys = new HashSet<>();
                        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().forEach(o -> keys.add(o.key()));
                        return keys;
                    }).toList());
            Set<String> found = new HashSet<>();
            listed.forEach(found::addAll);
            known.markAbsent(mayExist.stream().filter(key -> key.startsWith(share) && !found.contains(key)).toList());
            known.markPresent(found);
        }
    }

    /** {@code a/family/media/} for {@code a/family/media/<digest>/480x320.jpg}. */
    private static Optional<String> mediaFolder(String key) {
        int end = -1;
        for (int level = 0; level < MEDIA_DEPTH; level++) {
            end = key.indexOf('/', end + 1);
            if (end < 0) {
                return Optional.empty();
            }
        }
        String folder = key.substring(0, end + 1);
        return folder.endsWith("/" + MEDIA) ? Optional.of(folder) : Optional.empty();
    }

    /**
     * Copies the missing media in batches, recording them as uncertain first and as present after, at
     * least every {@link #CHECKPOINT_NANOS}: a build that times out leaves the next one little to redo.
     */
    private void copy(List<Map.Entry<String, String>> missing, Set<String> originals, PublishedMedia known) {
        if (missing.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        known.markUncertain(missing.stream().map(Map.Entry::getKey).toList());
        known.save(s3, bucket);
        long saved = System.nanoTime();
        for (int from = 0; from < missing.size(); from += COPY_BATCH) {
            List<Map.Entry<String, String>> batch = missing.subList(from, Math.min(missing.size(), from + COPY_BATCH));
            inParallel(batch.stream().<Runnable>map(entry -> () -> {
                if (originals.contains(entry.getKey())) {
                    originalCopier.copy(entry.getValue(), entry.getKey());
                } else {
                    s3.copyObject(r -> r.sourceBucket(mediaSourceBucket).sourceKey(entry.getValue())
                            .destinationBucket(bucket).destinationKey(entry.getKey()));
                }
            }).toList());
            known.markPresent(batch.stream().map(Map.Entry::getKey).toList());
            if (System.nanoTime() - saved > CHECKPOINT_NANOS) {
                known.save(s3, bucket);
                saved = System.nanoTime();
            }
        }
        known.save(s3, bucket);
        // A first build into an empty bucket spends most of its time here.
        LOG.info(LogLine.of("media-copy").with("copied", missing.size())
                .with("durationMs", (System.nanoTime() - started) / 1_000_000));
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

    /** Album ZIP manifests are published and removed like pages, though no browser reads them. */
    private static boolean isPageOrManifest(String key) {
        return isPage(key) || AlbumZips.isManifest(key);
    }

    /** All of a stage, in parallel; the stage is complete (or the publish fails) before the next begins. */
    private void inParallel(Collection<Runnable> work) {
        writes.all(work.stream().<Callable<Void>>map(write -> () -> {
            write.run();
            return null;
        }).toList());
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
        writes.close();
    }
}
