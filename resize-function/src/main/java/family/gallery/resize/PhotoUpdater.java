package family.gallery.resize;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.Recorded;
import family.gallery.catalog.Rendition;
import family.gallery.catalog.TakenAt;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.Sequencers;
import family.gallery.ingest.logging.LogLine;
import family.gallery.resize.image.PhotoMetadata;
import family.gallery.resize.image.PhotoRenderer;
import family.gallery.resize.image.RenderedPhoto;
import family.gallery.resize.image.UnrenderablePhotoException;
import family.gallery.resize.storage.Original;
import family.gallery.resize.storage.RenditionStore;
import family.gallery.resize.storage.SourcePhotos;

/**
 * Applies one object event to the renditions and the catalog. The catalog's sequencer decides:
 * an event no newer than what it holds changes nothing, and the conditional write makes that hold
 * even when two deliveries race. Renditions are written before the entry that names them and
 * deleted only after an entry no longer names them, so the site never points at a missing file.
 */
public final class PhotoUpdater {

    private static final Logger LOG = Logger.getLogger(PhotoUpdater.class);

    private final SourcePhotos source;
    private final RenditionStore renditions;
    private final PhotoCatalog catalog;
    private final PhotoRenderer renderer;
    private final Clock clock;

    public PhotoUpdater(SourcePhotos source, RenditionStore renditions, PhotoCatalog catalog, PhotoRenderer renderer,
            Clock clock) {
        this.source = source;
        this.renditions = renditions;
        this.catalog = catalog;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Throws only for errors worth retrying (S3, DynamoDB); a photo that cannot be rendered is recorded FAILED. */
    public Outcome apply(ObjectEvent event) {
        MediaKey key = event.mediaKey();
        if (key.kind() != MediaKey.Kind.PHOTO) {
            LOG.debugf("not a photo, acknowledged: %s (%s)", event.key(), key.kind());
            return Outcome.UNCHANGED;
        }
        PhotoId id = PhotoId.of(key);
        return event.type() == ObjectEvent.Type.CREATED ? created(id, event) : removed(id, event);
    }

    private Outcome created(PhotoId id, ObjectEvent event) {
        long started = System.nanoTime();
        Optional<PhotoEntry> known = catalog.find(id);
        if (known.isPresent() && Sequencers.compare(known.get().sequencer(), event.sequencer()) >= 0) {
            return alreadyKnown(known.get(), event);
        }
        Optional<Original> original = source.fetch(event.key());
        if (original.isEmpty() || event.eTag().filter(e -> !e.equals(original.get().eTag())).isPresent()) {
            LOG.infof("%s changed again since this event; its newer event will follow", event.key());
            return Outcome.UNCHANGED;
        }
        PhotoEntry entry = render(id, event, original.get());
        Recorded recorded = catalog.record(entry);
        if (recorded.applied()) {
            deleteUnnamed(recorded.previous(), entry.renditions());
            LOG.info(LogLine.of("photo").with("key", event.key()).with("status", entry.status())
                    .with("durationMs", (System.nanoTime() - started) / 1_000_000).with("reason", entry.reason().orElse(null)));
            return Outcome.CHANGED;
        }
        // A concurrent delivery got there first: keep only what the stored entry names.
        PhotoEntry stored = recorded.previous().or(() -> catalog.find(id)).orElseThrow();
        deleteUnnamed(Optional.of(entry), stored.renditions());
        return alreadyKnown(stored, event);
    }

    private Outcome removed(PhotoId id, ObjectEvent event) {
        if (source.exists(event.key())) {
            // An older version was deleted for good, or the name was written again since: the
            // photo is whatever the bucket holds under it now.
            return created(id, event);
        }
        Recorded recorded = catalog.record(PhotoEntry.tombstone(id, event.sequencer(), clock.instant()));
        if (!recorded.applied()) {
            return recorded.previous().map(stored -> alreadyKnown(stored, event)).orElse(Outcome.UNCHANGED);
        }
        deleteUnnamed(recorded.previous(), List.of());
        LOG.infof("%s deleted", event.key());
        return recorded.changedSite() ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    private PhotoEntry render(PhotoId id, ObjectEvent event, Original original) {
        try {
            RenderedPhoto photo = renderer.render(original.bytes());
            String folder = RenditionKeys.folder(id.sourceKey(), original.eTag());
            List<Rendition> stored = new ArrayList<>();
            for (RenderedPhoto.Jpeg jpeg : photo.renditions()) {
                String key = RenditionKeys.key(folder, jpeg.width(), jpeg.height());
                renditions.putJpeg(key, jpeg.bytes());
                stored.add(new Rendition(key, jpeg.width(), jpeg.height(), jpeg.bytes().length));
            }
            PhotoMetadata metadata = photo.metadata();
            TakenAt takenAt = metadata.takenAt().map(local -> TakenAt.camera(local, metadata.offset()))
                    .orElseGet(() -> TakenAt.uploaded(original.lastModified()));
            return PhotoEntry.ready(id, event.sequencer(), original.eTag(), photo.width(), photo.height(), takenAt,
                    metadata.camera(), metadata.lens(), stored, clock.instant());
        } catch (UnrenderablePhotoException e) {
            return PhotoEntry.failed(id, event.sequencer(), original.eTag(), e.getMessage(), clock.instant());
        }
    }

    private static Outcome alreadyKnown(PhotoEntry stored, ObjectEvent event) {
        return Sequencers.compare(stored.sequencer(), event.sequencer()) == 0 ? Outcome.ALREADY_RECORDED : Outcome.UNCHANGED;
    }

    /** Deletes the renditions of {@code replaced} that {@code kept} does not name (same key: same content). */
    private void deleteUnnamed(Optional<PhotoEntry> replaced, List<Rendition> kept) {
        Set<String> keep = new HashSet<>();
        kept.forEach(r -> keep.add(r.key()));
        List<String> obsolete = replaced.map(PhotoEntry::renditions).orElse(List.of()).stream()
                .map(Rendition::key).filter(k -> !keep.contains(k)).toList();
        if (!obsolete.isEmpty()) {
            renditions.delete(obsolete);
        }
    }
}
