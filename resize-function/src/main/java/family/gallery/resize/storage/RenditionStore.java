package family.gallery.resize.storage;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * The resized bucket. Keys are content-addressed, so every object is immutable and may be cached
 * for a year by browsers and CloudFront alike.
 */
public final class RenditionStore {

    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    private static final int DELETE_BATCH = 1000; // DeleteObjects' limit per request

    private final S3Client s3;
    private final String bucket;

    public RenditionStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public void putJpeg(String key, byte[] jpeg) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("image/jpeg").cacheControl(CACHE_CONTROL),
                RequestBody.fromBytes(jpeg));
    }

    /** A video's web version, streamed from the file. */
    public void putVideo(String key, Path mp4) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("video/mp4").cacheControl(CACHE_CONTROL),
                RequestBody.fromFile(mp4));
    }

    /** Deletes the keys; keys that do not exist are no error. */
    public void delete(Collection<String> keys) {
        List<ObjectIdentifier> identifiers = keys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        for (int from = 0; from < identifiers.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = identifiers.subList(from, Math.min(identifiers.size(), from + DELETE_BATCH));
            List<S3Error> errors = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true))).errors();
            if (!errors.isEmpty()) {
                S3Error first = errors.get(0);
                throw new IllegalStateException(errors.size() + " renditions were not deleted, e.g. " + first.key()
                        + ": " + first.code() + " " + first.message());
            }
        }
    }
}
