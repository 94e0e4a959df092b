package family.gallery.catalog;

/** The state of one original in the catalog. */
public enum PhotoStatus {
    /** Renditions exist; the photo belongs on the site. */
    READY,
    /** The original can never be rendered (corrupt, not an image, too large); {@code reason} says why. */
    FAILED,
    /** A tombstone: the original was deleted. It keeps the sequencer so late events cannot bring the photo back. */
    DELETED
}
