package family.gallery.site.build;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import family.gallery.ingest.logging.LogLine;
import family.gallery.site.model.AlbumYaml;
import family.gallery.site.model.BuildIssue;
import family.gallery.site.model.CatalogPhoto;
import family.gallery.site.model.Gallery;
import family.gallery.site.model.GalleryAssembler;
import family.gallery.site.publish.CacheInvalidator;
import family.gallery.site.publish.SitePublisher;
import family.gallery.site.publish.StaleZips;
import family.gallery.site.render.SiteAssets;
import family.gallery.site.render.SiteConfig;
import family.gallery.site.render.SiteFile;
import family.gallery.site.render.SiteRenderer;

/**
 * One build: read the catalog and the album.yml files, render every page in memory, publish what
 * changed, invalidate it, and report. Nothing is published until everything has rendered.
 */
public final class SiteBuild {

    private static final Logger LOG = Logger.getLogger(SiteBuild.class);

    private final CatalogSource catalog;
    private final AlbumSettingsSource albumSettings;
    private final AccessSource access;
    private final SiteConfig config;
    private final SiteAssets assets;
    private final SitePublisher publisher;
    private final StaleZips staleZips;
    private final CacheInvalidator invalidator;
    private final BuildReports reports;
    private final Clock clock;

    public SiteBuild(CatalogSource catalog, AlbumSettingsSource albumSettings, AccessSource access, SiteConfig config,
            SiteAssets assets, SitePublisher publisher, StaleZips staleZips, CacheInvalidator invalidator, BuildReports reports,
            Clock clock) {
        this.catalog = catalog;
        this.albumSettings = albumSettings;
        this.access = access;
        this.config = config;
        this.assets = assets;
        this.publisher = publisher;
        this.staleZips = staleZips;
        this.invalidator = invalidator;
        this.reports = reports;
        this.clock = clock;
    }

    /** Builds and publishes; a failure is reported and rethrown, the published site left as it was. */
    public BuildReport run(long target) {
        Instant started = clock.instant();
        Gallery gallery = null;
        try {
            List<CatalogPhoto> photos;
            Map<String, AlbumYaml.Parsed> settings;
            try (AlbumSettingsSource.Reads reads = albumSettings.start()) {
                // Each album's album.yml is fetched as soon as the scan finds the album's first photo.
                photos = catalog.photos(photo -> reads.album(photo.album()));
                settings = reads.settings();
            }
            Instant read = clock.instant();
            GalleryAssembler assembler = new GalleryAssembler(config.albumOrder());
            gallery = assembler.assemble(photos, settings);
            SiteViews.Plan plan = SiteViews.plan(assembler, photos, settings, gallery, access.read(started),
                    config.originals());
            SiteRenderer renderer = new SiteRenderer(config, assets.urls());
            List<SiteFile> pages = plan.views().stream().flatMap(view -> renderer.render(view).stream()).toList();
            Instant rendered = clock.instant();
            SitePublisher.Result published = publisher.publish(assets.files(), pages, plan.media(), plan.originals(), target);
            int zipsDeleted = staleZips.deleteFor(published.deleted());
            Instant publishedAt = clock.instant();
            plan.sharesPublished().forEach(access::published);
            Optional<String> invalidation = invalidator.invalidate(published.changedPages(), "build-" + target + "-" + started);
            List<BuildIssue> issues = new ArrayList<>(gallery.issues());
            issues.addAll(plan.issues());
            BuildReport report = new BuildReport(started, Duration.between(started, clock.instant()), target,
                    gallery.photoCount(), gallery.allAlbums().size(), published.written(), published.deleted(),
                    published.unchanged(), issues, invalidation.orElse(null), null);
            reports.save(report);
            LOG.info(LogLine.of("build").with("outcome", "published").with("changeSequence", target)
                    .with("durationMs", report.duration().toMillis())
                    .with("readMs", Duration.between(started, read).toMillis())
                    .with("renderMs", Duration.between(read, rendered).toMillis())
                    .with("publishMs", Duration.between(rendered, publishedAt).toMillis())
                    .with("photos", report.photos())
                    .with("albums", report.albums()).with("pagesWritten", report.written().size())
                    .with("pagesDeleted", report.deleted().size()).with("pagesUnchanged", report.unchanged())
                    .with("views", plan.views().size()).with("mediaCopied", published.mediaCopied())
                    .with("mediaDeleted", published.mediaDeleted()).with("zipsDeleted", zipsDeleted)
                    .with("issues", report.issues().size()));
            return report;
        } catch (RuntimeException e) {
            reports.save(new BuildReport(started, Duration.between(started, clock.instant()), target,
                    gallery == null ? 0 : gallery.photoCount(), gallery == null ? 0 : gallery.allAlbums().size(),
                    List.of(), List.of(), 0, gallery == null ? List.of() : gallery.issues(), null, String.valueOf(e)));
            throw e;
        }
    }
}
