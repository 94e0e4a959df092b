package family.gallery.zip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import family.gallery.accounts.AlbumZips;
import family.gallery.accounts.AlbumZips.Progress;
import family.gallery.accounts.ZipManifest;
import family.gallery.accounts.ZipStatuses;
import family.gallery.ingest.ContentDisposition;
import family.gallery.ingest.logging.LogLine;

/**
 * Makes an album's ZIP: reads the manifest the site builder published, streams each file from the
 * web bucket through a {@link ZipOutputStream} into a multipart upload in the zip bucket, and keeps a
 * status object up to date for the page that waits. Holds no more than nine parts and a few files'
 * first bytes in memory, and writes nothing to disk. Photos and videos are already compressed, so
 * entries are stored (deflate's level 0): the archive is as large as its files, and as fast to make as
 * they are to read. ZIP64 takes over past 4 GB or 65,535 files.
 */
public final class AlbumZipper {

    private static final Logger LOG = Logger.getLogger(AlbumZipper.class);
    /** Downloads opened ahead of the one being written, hiding each request's first-byte latency. */
    private static final int READ_AHEAD = 4;
    private static final Duration STATUS_EVERY = Duration.ofSeconds(2);
    private static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

    private final S3Client s3;
    private final String webBucket;
    private final String zipBucket;
    private final ZipStatuses statuses;
    private final int partSize;
    private final Clock clock;

    /**
     * @param webBucket where the manifests and the files they list are
     * @param zipBucket where archives and their status go
     * @param partSize  bytes per uploaded part: the one filling and those uploading are in memory
     */
    public AlbumZipper(S3Client s3, String webBucket, String zipBucket, int partSize, Clock clock) {
        this.s3 = s3;
        this.webBucket = webBucket;
        this.zipBucket = zipBucket;
        this.statuses = new ZipStatuses(s3, zipBucket);
        this.partSize = partSize;
        this.clock = clock;
    }

    /**
     * Makes the ZIP of the folder the site builder published a manifest in, unless it is already
     * made. What the page should tell goes into the status; an S3 failure while writing is thrown
     * after the status says so, for the queue to try again.
     *
     * @param folder e.g. {@code a/family/zips/<digest>/}
     */
    public Progress make(String folder) {
        if (!AlbumZips.isFolder(folder)) {
            throw new IllegalArgumentException("not an album ZIP folder: \"" + folder + "\"");
        }
        Optional<Progress> existing = statuses.read(folder).map(ZipStatuses.Status::progress);
        if (existing.map(Progress::state).orElse(null) == AlbumZips.State.READY) {
            return existing.get();
        }
        ZipManifest manifest;
        try {
            manifest = ZipManifest.parse(s3.getObjectAsBytes(r -> r.bucket(webBucket).key(folder + AlbumZips.MANIFEST)).asByteArray());
        } catch (NoSuchKeyException gone) {
            return fail(folder, 0, "This album has changed since the page was loaded. Reload the page and try again.");
        } catch (IllegalArgumentException unreadable) {
            return fail(folder, 0, "The album's list of files cannot be read (" + unreadable.getMessage() + ").");
        }
        String audience = AlbumZips.audiencePrefix(folder);
        Optional<ZipManifest.Entry> foreign = manifest.entries().stream().filter(entry -> !entry.key().startsWith(audience)).findFirst();
        if (foreign.isPresent()) {
            return fail(folder, manifest.entries().size(), "The album's list names a file outside " + audience + ": "
                    + foreign.get().key());
        }
        try {
            return write(folder, manifest);
        } catch (IOException | RuntimeException e) {
            fail(folder, manifest.entries().size(), "Making the ZIP failed (" + e.getMessage() + "). Try again.");
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private Progress write(String folder, ZipManifest manifest) throws IOException {
        Instant started = clock.instant();
        int total = manifest.entries().size();
        Progress progress = Progress.building(0, total, 0, 0);
        save(folder, progress);
        Instant saved = clock.instant();
        CreateMultipartUploadRequest create = CreateMultipartUploadRequest.builder().bucket(zipBucket)
                .key(folder + AlbumZips.ARCHIVE).contentType("application/zip")
                .contentDisposition(ContentDisposition.attachment(manifest.fileName())).cacheControl(CACHE_CONTROL).build();
        ExecutorService readers = Executors.newFixedThreadPool(READ_AHEAD, runnable -> {
            Thread thread = new Thread(runnable, "zip-read-ahead");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<Optional<ResponseInputStream<GetObjectResponse>>>> ahead = new ArrayDeque<>();
        int done = 0;
        int skipped = 0;
        try (PartUploadStream upload = new PartUploadStream(s3, create, partSize)) {
            ZipOutputStream zip = new ZipOutputStream(upload);
            zip.setLevel(Deflater.NO_COMPRESSION);
            byte[] buffer = new byte[1 << 16];
            int next = 0;
            for (ZipManifest.Entry entry : manifest.entries()) {
                while (next < total && ahead.size() < READ_AHEAD) {
                    String key = manifest.entries().get(next++).key();
                    ahead.add(readers.submit(() -> open(key)));
                }
                Optional<ResponseInputStream<GetObjectResponse>> opened = await(ahead.removeFirst());
                if (opened.isEmpty()) {
                    skipped++;
                } else {
                    try (InputStream in = opened.get()) {
                        ZipEntry zipEntry = new ZipEntry(entry.name());
                        if (entry.takenAt() != null) {
                            zipEntry.setTimeLocal(entry.takenAt());
                        }
                        zip.putNextEntry(zipEntry);
                        for (int n; (n = in.read(buffer)) > 0;) {
                            zip.write(buffer, 0, n);
                        }
                        zip.closeEntry();
                    }
                    done++;
                }
                if (Duration.between(saved, clock.instant()).compareTo(STATUS_EVERY) >= 0) {
                    save(folder, Progress.building(done, total, skipped, upload.written()));
                    saved = clock.instant();
                }
            }
            zip.finish();
            upload.complete();
            progress = new Progress(AlbumZips.State.READY, done, total, skipped, upload.written(), "");
        } finally {
            ahead.forEach(future -> future.cancel(true));
            readers.shutdownNow();
        }
        save(folder, progress);
        LOG.info(LogLine.of("album-zip").with("folder", folder).with("files", done).with("skipped", skipped)
                .with("bytes", progress.bytes()).with("durationMs", Duration.between(started, clock.instant()).toMillis()));
        return progress;
    }

    /** The file's download, or nothing when it is gone (the album changed after its page was built). */
    private Optional<ResponseInputStream<GetObjectResponse>> open(String key) {
        try {
            return Optional.of(s3.getObject(r -> r.bucket(webBucket).key(key)));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        }
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Progress fail(String folder, int total, String reason) {
        Progress failed = Progress.failed(total, reason);
        save(folder, failed);
        LOG.warn(LogLine.of("album-zip").with("folder", folder).with("outcome", "failed").with("reason", reason));
        return failed;
    }

    private void save(String folder, Progress progress) {
        statuses.save(folder, progress);
    }
}
