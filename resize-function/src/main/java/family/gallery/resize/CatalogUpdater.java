package family.gallery.resize;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.Recorded;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.Sequencers;
import family.gallery.ingest.logging.LogLine;
import family.gallery.resize.storage.RenditionStore;
import family.gallery.resize.storage.SourcePhotos;

/**
 * Applies one object event about an original of one kind (photo or video) to its renditions and the
 * catalog. The catalog's sequencer decides: an event no newer than what it holds changes nothing,
 * and the conditional write makes that hold even when two deliveries race. Renditions are written
 * before the entry that names them and deleted only after an entry no longer names them, so the
 * site never points at a missing file.
 */
public final class CatalogUpdater {

    private static final Logger LOG = Logger.getLogger(CatalogUpdater.class);

    private final MediaKey.Kind kind;
    private final OriginalProcessor processor;
    private final SourcePhotos source;
    private final RenditionStore renditions;
    private final PhotoCatalog catalog;
    private final Clock clock;

    /** @param kind the originals this updater acts on; events about anything else are acknowledged */
    public CatalogUpdater(MediaKey.Kind kind, OriginalProcessor processor, SourcePhotos source, RenditionStore renditions,
            PhotoCatalog catalog, Clock clock) {
        this.kind = kind;
        this.processor = processor;
        this.source = source;
        this.renditions = renditions;
        this.catalog = catalog;
        this.clock = clock;
    }

    public MediaKey.Kind kind() {
        return kind;
    }

    /**
     * Throws only for errors worth retrying (S3, DynamoDB); an original that cannot be shown is recorded FAILED.
     *
     * @param deadline when the invocation ends
     */
    public Outcome apply(ObjectEvent event, Instant deadline) {
        MediaKey key = event.mediaKey();
        if (key.kind() != kind) {
            LOG.debugf("not a %s, acknowledged: %s (%s)", kind, event.key(), key.kind());
            return Outcome.UNCHANGED;
        }
        PhotoId id = PhotoId.of(key);
        return event.type() == ObjectEvent.Type.CREATED ? created(id, event, deadline) : removed(id, event, deadline);
    }

    private Outcome created(PhotoId id, ObjectEvent event, Instant deadline) {
        long started = System.nanoTime();
        Optional<PhotoEntry> known = catalog.find(id);
        if (known.isPresent() && Sequencers.compare(known.get().sequencer(), event.sequencer()) >= 0) {
            return alreadyKnown(known.get(), event);
        }
        Optional<PhotoEntry> processed = processor.process(id, event, deadline);
        if (processed.isEmpty()) {
            LOG.infof("%s changed again since this event; its newer event will follow", event.key());
            return Outcome.UNCHANGED;
        }
        PhotoEntry entry = processed.get();
        Recorded recorded = catalog.record(entry);
        if (recorded.applied()) {
            deleteUnnamed(recorded.previous(), entry.storedKeys());
            LOG.info(LogLine.of(kind == MediaKey.Kind.VIDEO ? "video" : "photo").with("key", event.key())
                    .with("status", entry.status()).with("durationMs", (System.nanoTime() - started) / 1_000_000)
                    .with("reason", entry.reason().orElse(null)));
            return Outcome.CHANGED;
        }
        // A concurrent delivery got there first: keep only what the stored entry names.
        PhotoEntry stored = recorded.previous().or(() -> catalog.find(id)).orElseThrow();
        deleteUnnamed(Optional.of(entry), stored.storedKeys());
        return alreadyKnown(stored, event);
    }

    private Outcome removed(PhotoId id, ObjectEvent event, Instant deadline) {
        if (source.exists(event.key())) {
            // An older version was deleted for good, or the name was written again since: the
            // original is whatever the bucket holds under it now.
            return created(id, event, deadline);
        }
        Recorded recorded = catalog.record(PhotoEntry.tombstone(id, event.sequencer(), clock.instant()));
        if (!recorded.applied()) {
            return recorded.previous().map(stored -> alreadyKnown(stored, event)).orElse(Outcome.UNCHANGED);
        }
        deleteUnnamed(recorded.previous(), List.of());
        LOG.infof("%s deleted", event.key());
        return recorded.changedSite() ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    private static Outcome alreadyKnown(PhotoEntry stored, ObjectEvent event) {
        return Sequencers.compare(stored.sequencer(), event.sequencer()) == 0 ? Outcome.ALREADY_RECORDED : Outcome.UNCHANGED;
    }

    /** Deletes the stored objects of {@code replaced} that {@code kept} does not name (same key: same content). */
    private void deleteUnnamed(Optional<PhotoEntry> replaced, List<String> kept) {
        Set<String> keep = new HashSet<>(kept);
        List<String> obsolete = replaced.map(PhotoEntry::storedKeys).orElse(List.of()).stream()
                .filter(k -> !keep.contains(k)).toList();
        if (!obsolete.isEmpty()) {
            renditions.delete(obsolete);
        }
    }
}
