package family.gallery.site.publish;

import java.util.List;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import family.gallery.accounts.AlbumZips;

/**
 * Removes the ZIPs of albums that changed: when a build removes an album's ZIP manifest (the album's
 * files changed, or the album closed to that audience), whatever was made from it in the zip bucket
 * goes too, rather than waiting for the bucket's expiry.
 */
public final class StaleZips {

    private final S3Client s3;
    private final String zipBucket;

    public StaleZips(S3Client s3, String zipBucket) {
        this.s3 = s3;
        this.zipBucket = zipBucket;
    }

    /** @param removed keys the build removed from the web bucket; those that are ZIP manifests name the folders to clear */
    public int deleteFor(List<String> removed) {
        int deleted = 0;
        for (String key : removed) {
            if (!AlbumZips.isManifest(key)) {
                continue;
            }
            String folder = key.substring(0, key.length() - AlbumZips.MANIFEST.length());
            List<ObjectIdentifier> objects = s3.listObjectsV2Paginator(r -> r.bucket(zipBucket).prefix(folder)).contents()
                    .stream().map(object -> ObjectIdentifier.builder().key(object.key()).build()).toList();
            if (!objects.isEmpty()) {
                s3.deleteObjects(r -> r.bucket(zipBucket).delete(d -> d.objects(objects).quiet(true)));
                deleted += objects.size();
            }
        }
        return deleted;
    }
}
