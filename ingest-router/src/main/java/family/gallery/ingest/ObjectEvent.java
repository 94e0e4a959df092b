package family.gallery.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * One change to one object of the source bucket, as S3 reported it.
 *
 * @param type      created or removed
 * @param eventName S3's name without the {@code s3:} prefix, e.g. {@code ObjectCreated:Put}
 * @param key       the object key, decoded from the notification's URL encoding
 * @param size      bytes; 0 for removals
 * @param eTag      absent for removals
 * @param versionId absent when the bucket is not versioned
 * @param sequencer orders events for the same key; compare with {@link Sequencers#compare}
 */
public record ObjectEvent(Type type, String eventName, String bucket, String key, long size,
        Optional<String> eTag, Optional<String> versionId, String sequencer, Instant eventTime) {

    public enum Type {
        CREATED, REMOVED
    }

    public MediaKey mediaKey() {
        return MediaKey.of(key);
    }
}
