package family.gallery.resize;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jboss.logging.Logger;

import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.Rendition;
import family.gallery.catalog.TakenAt;
import family.gallery.ingest.ObjectEvent;
import family.gallery.resize.image.PhotoMetadata;
import family.gallery.resize.image.PhotoRenderer;
import family.gallery.resize.image.RenderedPhoto;
import family.gallery.resize.image.UnrenderablePhotoException;
import family.gallery.resize.storage.Original;
import family.gallery.resize.storage.OriginalFile;
import family.gallery.resize.storage.RenditionStore;
import family.gallery.resize.storage.SourcePhotos;

/**
 * Photos: read whole into memory (up to a size limit, checked before reading), rendered to JPEGs. A
 * photo that needs more memory than the function has is recorded FAILED, not retried with its batch.
 */
public final class PhotoProcessor implements OriginalProcessor {

    private static final Logger LOG = Logger.getLogger(PhotoProcessor.class);

    private final SourcePhotos source;
    private final RenditionStore renditions;
    private final PhotoRenderer renderer;
    private final long maxBytes;
    private final Clock clock;

    /** @param maxBytes larger originals are refused from their size, before they are read */
    public PhotoProcessor(SourcePhotos source, RenditionStore renditions, PhotoRenderer renderer, long maxBytes,
            Clock clock) {
        this.source = source;
        this.renditions = renditions;
        this.renderer = renderer;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public Optional<PhotoEntry> process(PhotoId id, ObjectEvent event, Instant deadline) {
        Optional<OriginalFile> described = source.describe(event);
        if (described.isEmpty()) {
            return Optional.empty();
        }
        if (described.get().bytes() > maxBytes) {
            return Optional.of(PhotoEntry.failed(id, event.sequencer(), described.get().eTag(), String.format(Locale.ROOT,
                    "The file is %.1f MB; photos up to %.1f MB are processed (MAX_PHOTO_BYTES).",
                    described.get().bytes() / 1e6, maxBytes / 1e6), clock.instant()));
        }
        return source.fetch(event.key(), described.get()).map(original -> render(id, event, original));
    }

    private PhotoEntry render(PhotoId id, ObjectEvent event, Original original) {
        try {
            RenderedPhoto photo = renderer.render(original.bytes());
            String folder = RenditionKeys.folder(id.sourceKey(), original.eTag());
            List<Rendition> stored = new ArrayList<>();
            for (RenderedPhoto.Jpeg jpeg : photo.renditions()) {
                stored.add(storeJpeg(renditions, folder, jpeg));
            }
            PhotoMetadata metadata = photo.metadata();
            TakenAt takenAt = metadata.takenAt().map(local -> TakenAt.camera(local, metadata.offset()))
                    .orElseGet(() -> TakenAt.uploaded(original.lastModified()));
            return PhotoEntry.ready(id, event.sequencer(), original.eTag(), photo.width(), photo.height(), takenAt,
                    metadata.details(), stored, clock.instant());
        } catch (UnrenderablePhotoException e) {
            return PhotoEntry.failed(id, event.sequencer(), original.eTag(), e.getMessage(), clock.instant());
        } catch (OutOfMemoryError e) {
            // What this photo allocated is garbage now; its neighbours in the batch go on.
            LOG.errorf("%s needs more memory than the function's heap: %s", event.key(), e.getMessage());
            return PhotoEntry.failed(id, event.sequencer(), original.eTag(), String.format(Locale.ROOT,
                    "Rendering it needs more memory than the function has (%d MB of heap).",
                    Runtime.getRuntime().maxMemory() >> 20), clock.instant());
        }
    }

    static Rendition storeJpeg(RenditionStore renditions, String folder, RenderedPhoto.Jpeg jpeg) {
        String key = RenditionKeys.key(folder, jpeg.width(), jpeg.height(), "jpg");
        renditions.putJpeg(key, jpeg.bytes());
        return new Rendition(key, jpeg.width(), jpeg.height(), jpeg.bytes().length);
    }
}
