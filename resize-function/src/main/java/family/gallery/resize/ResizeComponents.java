package family.gallery.resize;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.resize.image.PhotoRenderer;
import family.gallery.resize.storage.RebuildNotices;
import family.gallery.resize.storage.RenditionStore;
import family.gallery.resize.storage.SourcePhotos;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the plain classes to the SDK clients and the function's environment: SOURCE_BUCKET,
 * RESIZED_BUCKET, CATALOG_TABLE, REBUILD_QUEUE_URL and MAX_PIXELS (read as {@code source.bucket} and so on).
 */
@ApplicationScoped
public class ResizeComponents {

    @Produces
    @ApplicationScoped
    ResizeBatch batch(S3Client s3, DynamoDbClient dynamo, SqsClient sqs,
            @ConfigProperty(name = "source.bucket") String sourceBucket,
            @ConfigProperty(name = "resized.bucket") String resizedBucket,
            @ConfigProperty(name = "catalog.table") String catalogTable,
            @ConfigProperty(name = "rebuild.queue.url") String rebuildQueueUrl,
            @ConfigProperty(name = "max.pixels", defaultValue = "100000000") long maxPixels) {
        PhotoRenderer.Settings defaults = PhotoRenderer.Settings.DEFAULTS;
        PhotoRenderer renderer = new PhotoRenderer(
                new PhotoRenderer.Settings(maxPixels, defaults.pixelBudget(), defaults.jpegQuality()));
        PhotoUpdater updater = new PhotoUpdater(new SourcePhotos(s3, sourceBucket), new RenditionStore(s3, resizedBucket),
                new PhotoCatalog(dynamo, catalogTable), renderer, Clock.systemUTC());
        return new ResizeBatch(updater, new RebuildNotices(sqs, rebuildQueueUrl));
    }
}
