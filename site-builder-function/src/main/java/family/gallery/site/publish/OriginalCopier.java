package family.gallery.site.publish;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

import family.gallery.ingest.ContentDisposition;

/**
 * Copies an original as uploaded from the source bucket into the web bucket, saved by browsers under
 * its own file name ({@code Content-Disposition: attachment}). Copies inside S3: nothing passes
 * through the function, and a video over CopyObject's 5 GB limit is copied in parts.
 */
final class OriginalCopier {

    /** CopyObject's limit; larger objects need a multipart copy. */
    static final long SINGLE_COPY_LIMIT = 5L << 30;
    private static final long PART_SIZE = 1L << 30;
    /** The key names immutable content (the digest of the original's key and ETag). */
    private static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

    private final S3Client s3;
    private final String sourceBucket;
    private final String bucket;

    OriginalCopier(S3Client s3, String sourceBucket, String bucket) {
        this.s3 = s3;
        this.sourceBucket = sourceBucket;
        this.bucket = bucket;
    }

    void copy(String sourceKey, String key) {
        HeadObjectResponse original = s3.headObject(r -> r.bucket(sourceBucket).key(sourceKey));
        String fileName = sourceKey.substring(sourceKey.lastIndexOf('/') + 1);
        String disposition = ContentDisposition.attachment(fileName);
        String contentType = original.contentType() == null ? "application/octet-stream" : original.contentType();
        if (original.contentLength() <= SINGLE_COPY_LIMIT) {
            s3.copyObject(r -> r.sourceBucket(sourceBucket).sourceKey(sourceKey).copySourceIfMatch(original.eTag())
                    .destinationBucket(bucket).destinationKey(key).metadataDirective(MetadataDirective.REPLACE)
                    .contentType(contentType).contentDisposition(disposition).cacheControl(CACHE_CONTROL));
            return;
        }
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)
                .contentDisposition(disposition).cacheControl(CACHE_CONTROL)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long from = 0, number = 1; from < original.contentLength(); from += PART_SIZE, number++) {
                String range = "bytes=" + from + "-" + (Math.min(original.contentLength(), from + PART_SIZE) - 1);
                int part = (int) number;
                String eTag = s3.uploadPartCopy(r -> r.sourceBucket(sourceBucket).sourceKey(sourceKey)
                        .copySourceIfMatch(original.eTag()).copySourceRange(range).destinationBucket(bucket)
                        .destinationKey(key).uploadId(uploadId).partNumber(part)).copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(eTag).build());
            }
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            throw e;
        }
    }
}
