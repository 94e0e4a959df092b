package family.gallery.site;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.catalog.PhotoCatalog;
import family.gallery.site.build.AccessSource;
import family.gallery.site.build.AlbumSettingsSource;
import family.gallery.site.build.BuildReports;
import family.gallery.site.build.CatalogSource;
import family.gallery.site.build.SiteBuild;
import family.gallery.site.debounce.BuildState;
import family.gallery.site.debounce.BuildTicks;
import family.gallery.site.debounce.Debouncer;
import family.gallery.site.debounce.ProcessingBacklog;
import family.gallery.site.model.GalleryAssembler.AlbumOrder;
import family.gallery.site.publish.CacheInvalidator;
import family.gallery.site.publish.SitePublisher;
import family.gallery.site.publish.StaleZips;
import family.gallery.site.render.SiteAssets;
import family.gallery.site.render.SiteConfig;

/**
 * Wires the plain classes to the SDK clients and the function's environment (SOURCE_BUCKET is read
 * as {@code source.bucket} and so on; the README lists every variable).
 */
@ApplicationScoped
public class SiteBuilderComponents {

    @Produces
    @Singleton
    SiteConfig siteConfig(@ConfigProperty(name = "site.title", defaultValue = "Family Gallery") String title,
            @ConfigProperty(name = "site.footer") Optional<String> footer,
            @ConfigProperty(name = "date.locale", defaultValue = "en-GB") String locale,
            @ConfigProperty(name = "album.order", defaultValue = "newest-first") String albumOrder,
            @ConfigProperty(name = "download.originals", defaultValue = "false") boolean originals) {
        return new SiteConfig(title, footer.orElse("").strip(), Locale.forLanguageTag(locale),
                AlbumOrder.valueOf(albumOrder.strip().toUpperCase(Locale.ROOT).replace('-', '_')), originals);
    }

    @Produces
    @Singleton
    SitePublisher publisher(S3Client s3, @ConfigProperty(name = "web.bucket") String webBucket,
            @ConfigProperty(name = "resized.bucket") String resizedBucket,
            @ConfigProperty(name = "source.bucket") String sourceBucket) {
        return new SitePublisher(s3, webBucket, resizedBucket, sourceBucket);
    }

    void closePublisher(@Disposes SitePublisher publisher) {
        publisher.close();
    }

    @Produces
    @Singleton
    CloudFrontClient cloudFront(@ConfigProperty(name = "cloudfront.endpoint-override") Optional<URI> endpoint) {
        CloudFrontClientBuilder builder = CloudFrontClient.builder().region(Region.AWS_GLOBAL)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void closeCloudFront(@Disposes CloudFrontClient cloudFront) {
        cloudFront.close();
    }

    @Produces
    @Singleton
    SiteBuild siteBuild(S3Client s3, DynamoDbClient dynamo, CloudFrontClient cloudFront, SiteConfig config,
            SitePublisher publisher,
            @ConfigProperty(name = "source.bucket") String sourceBucket,
            @ConfigProperty(name = "zip.bucket") String zipBucket,
            @ConfigProperty(name = "catalog.table") String catalogTable,
            @ConfigProperty(name = "accounts.table") String accountsTable,
            @ConfigProperty(name = "distribution.id") Optional<String> distributionId) {
        return new SiteBuild(new CatalogSource(new PhotoCatalog(dynamo, catalogTable)),
                new AlbumSettingsSource(s3, sourceBucket),
                new AccessSource(new ViewerAccounts(dynamo, accountsTable, Clock.systemUTC()),
                        new ShareLinks(dynamo, accountsTable, Clock.systemUTC())), config, SiteAssets.load(), publisher,
                new StaleZips(s3, zipBucket), new CacheInvalidator(cloudFront, distributionId.orElse("")), new BuildReports(dynamo, catalogTable),
                Clock.systemUTC());
    }

    @Produces
    @Singleton
    Debouncer debouncer(DynamoDbClient dynamo, SqsClient sqs, SiteBuild build,
            @ConfigProperty(name = "catalog.table") String catalogTable,
            @ConfigProperty(name = "rebuild.queue.url") String rebuildQueueUrl,
            @ConfigProperty(name = "resize.queue.url") Optional<String> resizeQueueUrl,
            @ConfigProperty(name = "video.queue.url") Optional<String> videoQueueUrl,
            @ConfigProperty(name = "quiet.period.seconds", defaultValue = "60") long quietSeconds,
            @ConfigProperty(name = "resize.wait.limit.seconds", defaultValue = "1200") long resizeWaitSeconds,
            @ConfigProperty(name = "build.lease.seconds", defaultValue = "400") long leaseSeconds) {
        return new Debouncer(new BuildState(dynamo, catalogTable), new ProcessingBacklog(sqs,
                List.of(resizeQueueUrl.orElse(""), videoQueueUrl.orElse(""))),
                new BuildTicks(sqs, rebuildQueueUrl), build::run,
                new Debouncer.Timing(Duration.ofSeconds(quietSeconds), Duration.ofSeconds(resizeWaitSeconds),
                        Duration.ofSeconds(leaseSeconds)),
                Clock.systemUTC());
    }
}
