package family.gallery.resize.storage;

import java.time.Instant;

/**
 * An original as read from the source bucket.
 *
 * @param eTag without the quotes S3 puts around it, as S3 event notifications carry it
 */
public record Original(byte[] bytes, String eTag, Instant lastModified) {
}
