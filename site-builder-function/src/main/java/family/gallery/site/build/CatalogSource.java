package family.gallery.site.build;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoStatus;
import family.gallery.catalog.TakenAt;
import family.gallery.site.model.CatalogPhoto;
import family.gallery.site.model.Rendition;
import family.gallery.site.model.Video;

/** The catalog's live entries as the site generator's input. */
public final class CatalogSource {

    private final PhotoCatalog catalog;

    public CatalogSource(PhotoCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param found told of each photo as the scan finds it, from the scan's threads */
    public List<CatalogPhoto> photos(Consumer<CatalogPhoto> found) {
        // Converted as the pages of the scan arrive, so the catalog's own entries are never all held at once.
        Queue<CatalogPhoto> photos = new ConcurrentLinkedQueue<>();
        catalog.forEachPhoto(entry -> {
            if (entry.isLive()) {
                CatalogPhoto photo = toPhoto(entry);
                found.accept(photo);
                photos.add(photo);
            }
        });
        return List.copyOf(photos);
    }

    static CatalogPhoto toPhoto(PhotoEntry entry) {
        // An upload time stands in for a missing camera time in the catalog; the site shows only the camera's.
        TakenAt takenAt = entry.takenAt().filter(TakenAt::fromCamera).orElse(null);
        String failure = entry.status() == PhotoStatus.FAILED
                ? entry.reason().orElse("failed without a reason")
                : null;
        Video video = entry.video().map(playable -> new Video(rendition(playable.webVersion()),
                Duration.ofMillis(playable.durationMillis()))).orElse(null);
        return new CatalogPhoto(entry.id().album(), entry.id().fileName(), entry.width(), entry.height(),
                entry.renditions().stream().map(CatalogSource::rendition).toList(),
                entry.details().caption().orElse(null), takenAt == null ? null : takenAt.local(),
                takenAt == null ? null : takenAt.offset().orElse(null), entry.details(), failure, video);
    }

    private static Rendition rendition(family.gallery.catalog.Rendition stored) {
        return new Rendition(stored.key(), stored.width(), stored.height());
    }
}
