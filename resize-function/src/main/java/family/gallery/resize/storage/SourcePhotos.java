package family.gallery.resize.storage;

import java.util.Optional;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import family.gallery.ingest.ETags;

/** Reads originals from the source bucket. */
public final class SourcePhotos {

    private final S3Client s3;
    private final String bucket;

    public SourcePhotos(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The current object under the key; empty when it has been deleted since the event. */
    public Optional<Original> fetch(String key) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            return Optional.of(new Original(object.asByteArrayUnsafe(), ETags.unquoted(object.response().eTag()),
                    object.response().lastModified()));
        } catch (NoSuchKeyException deleted) {
            return Optional.empty();
        }
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
