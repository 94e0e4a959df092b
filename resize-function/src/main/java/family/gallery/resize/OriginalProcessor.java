package family.gallery.resize;

import java.time.Instant;
import java.util.Optional;

import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.ingest.ObjectEvent;

/** Makes and stores what the site shows of one kind of original, and says what the catalog records. */
public interface OriginalProcessor {

    /**
     * Reads the original the event names, stores its renditions and returns its READY or FAILED entry.
     * Throws only for errors worth retrying (S3, a tool that could not start).
     *
     * @param deadline when the invocation ends; work still running then is refused for this original
     * @return empty when the object has changed or vanished since the event (its newer event follows)
     */
    Optional<PhotoEntry> process(PhotoId id, ObjectEvent event, Instant deadline);
}
