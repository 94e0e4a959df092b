package family.gallery.resize;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;

/** Decides what each object event means for the renditions and the catalog. */
@ApplicationScoped
public class MediaEventProcessor {

    private static final Logger LOG = Logger.getLogger(MediaEventProcessor.class);

    /** @return how many events concerned photos */
    public int process(List<ObjectEvent> events) {
        int photos = 0;
        for (ObjectEvent event : events) {
            MediaKey key = event.mediaKey();
            if (key.kind() != MediaKey.Kind.PHOTO) {
                LOG.debugf("not a photo, acknowledged: %s (%s)", event.key(), key.kind());
                continue;
            }
            photos++;
            LOG.infof("%s %s in album '%s'", event.type(), key.fileName(), key.album());
        }
        return photos;
    }
}
