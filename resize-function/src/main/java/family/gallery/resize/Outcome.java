package family.gallery.resize;

/** What one object event did to the catalog. */
public enum Outcome {
    /** A photo appeared, changed, failed or disappeared: the site must be rebuilt. */
    CHANGED,
    /** The catalog already held exactly this change: a duplicate delivery or a retry. */
    ALREADY_RECORDED,
    /** Nothing to do: not a photo, a newer change already recorded, or the deletion of an unknown photo. */
    UNCHANGED
}
