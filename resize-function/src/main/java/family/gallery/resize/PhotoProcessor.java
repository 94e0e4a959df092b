package family.gallery.resize;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import family.gallery.resize.storage.RenditionStore;
import family.gallery.resize.storage.SourcePhotos;

/** Photos: read whole into memory, rendered to JPEGs. */
public final class PhotoProcessor implements OriginalProcessor {

    private final SourcePhotos source;
    private final RenditionStore renditions;
    private final PhotoRenderer renderer;
    private final Clock clock;

    public PhotoProcessor(SourcePhotos source, RenditionStore renditions, PhotoRenderer renderer, Clock clock) {
        this.source = source;
        this.renditions = renditions;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Override
    public Optional<PhotoEntry> process(PhotoId id, ObjectEvent event, Instant deadline) {
        Optional<Original> original = source.fetch(event.key());
        if (original.isEmpty() || event.eTag().filter(e -> !e.equals(original.get().eTag())).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(render(id, event, original.get()));
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
                    metadata.camera(), metadata.lens(), stored, clock.instant());
        } catch (UnrenderablePhotoException e) {
            return PhotoEntry.failed(id, event.sequencer(), original.eTag(), e.getMessage(), clock.instant());
        }
    }

    static Rendition storeJpeg(RenditionStore renditions, String folder, RenderedPhoto.Jpeg jpeg) {
        String key = RenditionKeys.key(folder, jpeg.width(), jpeg.height(), "jpg");
        renditions.putJpeg(key, jpeg.bytes());
        return new Rendition(key, jpeg.width(), jpeg.height(), jpeg.bytes().length);
    }
}
