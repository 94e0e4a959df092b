package family.gallery.resize;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.ingest.MediaKey;
import family.gallery.resize.image.PhotoRenderer;
import family.gallery.resize.storage.RebuildNotices;
import family.gallery.resize.storage.RenditionStore;
import family.gallery.resize.storage.SourcePhotos;
import family.gallery.resize.storage.VideoQueue;
import family.gallery.resize.video.Ffmpeg;
import family.gallery.resize.video.VideoRenderer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the plain classes to the SDK clients and the function's environment (read as
 * {@code source.bucket} and so on): SOURCE_BUCKET, RESIZED_BUCKET, CATALOG_TABLE, REBUILD_QUEUE_URL
 * and MAX_PIXELS for both functions; VIDEO_QUEUE_URL and MAX_PHOTO_BYTES for the resize function,
 * which passes videos on; MAX_VIDEO_MINUTES and MAX_VIDEO_BYTES for the video function.
 */
@ApplicationScoped
public class ResizeComponents {

    @Produces
    @ApplicationScoped
    PhotoRenderer renderer(@ConfigProperty(name = "max.pixels", defaultValue = "100000000") long maxPixels) {
        PhotoRenderer.Settings defaults = PhotoRenderer.Settings.DEFAULTS;
        return new PhotoRenderer(new PhotoRenderer.Settings(maxPixels, defaults.pixelBudget(), defaults.jpegQuality()));
    }

    @Produces
    @ApplicationScoped
    @Named("photos")
    MediaBatch photos(S3Client s3, DynamoDbClient dynamo, SqsClient sqs, PhotoRenderer renderer,
            @ConfigProperty(name = "source.bucket") String sourceBucket,
            @ConfigProperty(name = "resized.bucket") String resizedBucket,
            @ConfigProperty(name = "catalog.table") String catalogTable,
            @ConfigProperty(name = "rebuild.queue.url") String rebuildQueueUrl,
            @ConfigProperty(name = "video.queue.url") Optional<String> videoQueueUrl,
            @ConfigProperty(name = "max.photo.bytes", defaultValue = "150000000") long maxBytes) {
        SourcePhotos source = new SourcePhotos(s3, sourceBucket);
        RenditionStore renditions = new RenditionStore(s3, resizedBucket);
        CatalogUpdater updater = new CatalogUpdater(MediaKey.Kind.PHOTO,
                new PhotoProcessor(source, renditions, renderer, maxBytes, Clock.systemUTC()), source, renditions,
                new PhotoCatalog(dynamo, catalogTable), Clock.systemUTC());
        return new MediaBatch(updater, new RebuildNotices(sqs, rebuildQueueUrl),
                videoQueueUrl.filter(url -> !url.isBlank()).map(url -> new VideoQueue(sqs, url)));
    }

    @Produces
    @ApplicationScoped
    @Named("videos")
    MediaBatch videos(S3Client s3, DynamoDbClient dynamo, SqsClient sqs, PhotoRenderer renderer,
            @ConfigProperty(name = "source.bucket") String sourceBucket,
            @ConfigProperty(name = "resized.bucket") String resizedBucket,
            @ConfigProperty(name = "catalog.table") String catalogTable,
            @ConfigProperty(name = "rebuild.queue.url") String rebuildQueueUrl,
            @ConfigProperty(name = "max.video.minutes", defaultValue = "30") long maxMinutes,
            @ConfigProperty(name = "max.video.bytes", defaultValue = "8000000000") long maxBytes) {
        SourcePhotos source = new SourcePhotos(s3, sourceBucket);
        RenditionStore renditions = new RenditionStore(s3, resizedBucket);
        VideoRenderer videoRenderer = new VideoRenderer(Ffmpeg.onPath(), renderer,
                new VideoRenderer.Settings(Duration.ofMinutes(maxMinutes)));
        CatalogUpdater updater = new CatalogUpdater(MediaKey.Kind.VIDEO,
                new VideoProcessor(source, renditions, videoRenderer, maxBytes, Clock.systemUTC()), source, renditions,
                new PhotoCatalog(dynamo, catalogTable), Clock.systemUTC());
        return new MediaBatch(updater, new RebuildNotices(sqs, rebuildQueueUrl), Optional.empty());
    }
}
