package family.gallery.ingest;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which queues an object event reaches. {@code template.yaml} expresses the same rules as the
 * source bucket's notification filter and the SNS subscriptions' filter policies; a test keeps the
 * two in agreement.
 *
 * <ul>
 * <li>Only keys under {@code albums/} raise events at all.</li>
 * <li>Every one of them goes to the resize queue: the resize function acts on photos and
 * acknowledges the rest, so no photo is lost to a filter that cannot ignore case.</li>
 * <li>{@code album.yml} events also go to the rebuild queue. Photo changes reach it from the resize
 * function, once their renditions exist.</li>
 * </ul>
 */
public final class Routing {

    /**
     * The body the resize function sends to the rebuild queue, once per batch that changed the
     * catalog, after the renditions exist.
     */
    public static final String CATALOG_CHANGED = "{\"type\":\"catalog-changed\"}";

    public enum Destination {
        RESIZE_QUEUE, REBUILD_QUEUE
    }

    private Routing() {
    }

    public static Set<Destination> destinationsFor(String key) {
        if (!key.startsWith(MediaKey.ALBUMS_PREFIX)) {
            return EnumSet.noneOf(Destination.class);
        }
        if (key.endsWith("/" + MediaKey.ALBUM_METADATA_FILE)) {
            return EnumSet.of(Destination.RESIZE_QUEUE, Destination.REBUILD_QUEUE);
        }
        return EnumSet.of(Destination.RESIZE_QUEUE);
    }
}
