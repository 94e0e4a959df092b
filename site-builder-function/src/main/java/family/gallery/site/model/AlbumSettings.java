package family.gallery.site.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An album's {@code album.yml}; every field is optional.
 *
 * @param explicitOrder file names in the order to show them when {@code sort} is {@link PhotoOrder#EXPLICIT}
 * @param viewers       who may see the album and, unless they set their own, its sub-albums; null when not set (inherited)
 * @param embeddedCaptions whether a photo without a caption here shows the caption written into it (IPTC/XMP)
 * @param viewerSort    whether viewers may re-sort the album's photos by date or name on its page
 * @param originals     whether signed-in viewers may download the originals, where the stack allows it
 */
public record AlbumSettings(String title, LocalDate date, String description, String cover,
        Map<String, String> captions, PhotoOrder sort, List<String> explicitOrder, boolean hidden, Viewers viewers,
        boolean embeddedCaptions, boolean viewerSort, boolean originals) {

    public static final AlbumSettings DEFAULTS =
            new AlbumSettings(null, null, null, null, Map.of(), PhotoOrder.TAKEN_AT, List.of(), false, null, true, true, false);

    /**
     * For an album.yml that cannot be read: defaults, but shown to nobody, since the file may have
     * been meant to restrict its viewers.
     */
    public static final AlbumSettings UNREADABLE =
            new AlbumSettings(null, null, null, null, Map.of(), PhotoOrder.TAKEN_AT, List.of(), false, Viewers.NOBODY, true, true, false);

    public AlbumSettings {
        captions = captions == null ? Map.of() : Map.copyOf(captions);
        sort = sort == null ? PhotoOrder.TAKEN_AT : sort;
        explicitOrder = explicitOrder == null ? List.of() : List.copyOf(explicitOrder);
    }

    public enum PhotoOrder {
        TAKEN_AT, NAME, EXPLICIT
    }
}
