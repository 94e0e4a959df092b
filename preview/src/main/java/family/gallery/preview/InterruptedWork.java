package family.gallery.preview;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.ingest.ETags;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.Routing;
import family.gallery.localaws.LocalAws;
import family.gallery.site.debounce.BuildState;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The local queues live in memory, so messages still queued when the preview stopped are gone at
 * the next start while the uploads that sent them are still there. This announces those uploads
 * again: each photo or video the catalog does not hold at its current ETag is copied onto itself, which
 * sends the same {@code ObjectCreated} event an upload does, and the site is asked to rebuild once.
 * A build cut off by the stop leaves its lease behind, which is released first.
 */
final class InterruptedWork {

    private InterruptedWork() {
    }

    /** Returns how many photos and videos were announced again. */
    static int resume(LocalAws stack) {
        String bucket = stack.bucketName("SourceBucket");
        Map<PhotoId, String> catalogued = new HashMap<>();
        for (PhotoEntry entry : new PhotoCatalog(stack.dynamoDb(), stack.tableName("CatalogTable")).photos()) {
            entry.eTag().ifPresent(eTag -> catalogued.put(entry.id(), eTag));
        }
        int announced = 0;
        for (S3Object object : stack.s3().listObjectsV2Paginator(list -> list.bucket(bucket).prefix(MediaKey.ALBUMS_PREFIX)).contents()) {
            MediaKey key = MediaKey.of(object.key());
            boolean shown = key.kind() == MediaKey.Kind.PHOTO || key.kind() == MediaKey.Kind.VIDEO;
            if (!shown
                    || Optional.ofNullable(catalogued.get(PhotoId.of(key))).filter(ETags.unquoted(object.eTag())::equals).isPresent()) {
                continue;
            }
            // As on AWS, copying an object onto itself must replace its metadata: the same again.
            HeadObjectResponse head = stack.s3().headObject(get -> get.bucket(bucket).key(object.key()));
            stack.s3().copyObject(copy -> copy.sourceBucket(bucket).sourceKey(object.key())
                    .destinationBucket(bucket).destinationKey(object.key()).metadataDirective(MetadataDirective.REPLACE)
                    .contentType(head.contentType()).metadata(head.metadata()));
            announced++;
        }
        new BuildState(stack.dynamoDb(), stack.tableName("CatalogTable")).releaseLease();
        stack.sqs().sendMessage(send -> send.queueUrl(stack.queueUrl("RebuildQueue")).messageBody(Routing.CATALOG_CHANGED));
        return announced;
    }
}
