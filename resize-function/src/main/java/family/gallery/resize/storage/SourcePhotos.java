package family.gallery.resize.storage;

import java.nio.file.Path;
import java.util.Optional;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import family.gallery.ingest.ETags;
import family.gallery.ingest.ObjectEvent;

/** Reads originals from the source bucket: photos into memory, videos to a file. */
public final class SourcePhotos {

    /** S3's answer to a read whose If-Match no longer holds: the object was written again since. */
    private static final int PRECONDITION_FAILED = 412;

    private final S3Client s3;
    private final String bucket;

    public SourcePhotos(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * The object into memory, if it is still the one described.
     *
     * @return empty when it was replaced or deleted since {@code expected} was read
     */
    public Optional<Original> fetch(String key, OriginalFile expected) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)
                    .ifMatch(quoted(expected.eTag())));
            return Optional.of(new Original(object.asByteArrayUnsafe(), ETags.unquoted(object.response().eTag()),
                    object.response().lastModified()));
        } catch (NoSuchKeyException deleted) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Size, ETag and date of the object the event is about, if the bucket still holds it: empty when
     * it was deleted or written again since (the newer change has its own event).
     */
    public Optional<OriginalFile> describe(ObjectEvent event) {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(event.key()));
            OriginalFile current = new OriginalFile(head.contentLength(), ETags.unquoted(head.eTag()), head.lastModified());
            return event.eTag().filter(eTag -> !eTag.equals(current.eTag())).isPresent() ? Optional.empty()
                    : Optional.of(current);
        } catch (NoSuchKeyException deleted) {
            return Optional.empty();
        }
    }

    /**
     * Streams the object to {@code target} (which must not exist yet) if it is still the one described.
     *
     * @return false when the object was replaced or deleted since {@code expected} was read
     */
    public boolean download(String key, OriginalFile expected, Path target) {
        try {
            s3.getObject(r -> r.bucket(bucket).key(key).ifMatch(quoted(expected.eTag())), ResponseTransformer.toFile(target));
            return true;
        } catch (NoSuchKeyException deleted) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED) {
                return false;
            }
            throw e;
        }
    }

    private static String quoted(String eTag) {
        return "\"" + eTag + "\"";
    }

    /** True when the key has a current object (not deleted, not hidden by a delete marker). */
    public boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException deleted) {
            return false;
        }
    }
}
