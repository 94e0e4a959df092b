package family.gallery.catalog;

import java.util.Optional;

/**
 * What {@link PhotoCatalog#record} did with an entry.
 *
 * @param entry    the entry that was offered
 * @param applied  false when the catalog already held this change or a newer one, and nothing was written
 * @param previous when applied: the entry it replaced; when not: the entry that stays (if the table returned it)
 */
public record Recorded(PhotoEntry entry, boolean applied, Optional<PhotoEntry> previous) {

    /** True when the site must change: a photo appeared, changed or vanished (not a tombstone over nothing). */
    public boolean changedSite() {
        return applied && (entry.isLive() || previous.map(PhotoEntry::isLive).orElse(false));
    }
}
