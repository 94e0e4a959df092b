package family.gallery.site;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import family.gallery.ingest.MalformedEventException;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.Routing;
import family.gallery.ingest.S3EventMessages;
import family.gallery.site.debounce.BuildTicks;

/** Reads what reaches the rebuild queue and says how many site changes it announces (none for a tick). */
@ApplicationScoped
public class ChangeNotices {

    private static final Logger LOG = Logger.getLogger(ChangeNotices.class);
    static final String CATALOG_CHANGED = Routing.CATALOG_CHANGED;

    /** @return how many site-relevant changes the message announced */
    public int record(String body) {
        if (CATALOG_CHANGED.equals(body)) {
            LOG.info("catalog changed");
            return 1;
        }
        if (BuildTicks.TICK.equals(body)) {
            return 0;
        }
        if (!S3EventMessages.isS3Notification(body)) {
            throw new MalformedEventException("rebuild queue message is neither a catalog change nor an S3 notification");
        }
        int changes = 0;
        for (ObjectEvent event : S3EventMessages.parse(body)) {
            if (event.mediaKey().kind() == MediaKey.Kind.ALBUM_METADATA) {
                LOG.infof("album metadata %s: %s", event.type(), event.key());
                changes++;
            }
        }
        return changes;
    }
}
