package family.gallery.resize.storage;

import java.time.Instant;

/**
 * An original as S3 describes it, for originals too large to hold in memory.
 *
 * @param eTag without the quotes S3 puts around it, as S3 event notifications carry it
 */
public record OriginalFile(long bytes, String eTag, Instant lastModified) {
}
