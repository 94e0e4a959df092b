package family.gallery.site.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An album's {@code album.yml}; every field is optional.
 *
 * @param explicitOrder file names in the order to show them when {@code sort} is {@link PhotoOrder#EXPLICIT}
 */
public record AlbumSettings(String title, LocalDate date, String description, String cover,
        Map<String, String> captions, PhotoOrder sort, List<String> explicitOrder, boolean hidden) {

    public static final AlbumSettings DEFAULTS =
            new AlbumSettings(null, null, null, null, Map.of(), PhotoOrder.TAKEN_AT, List.of(), false);

    public AlbumSettings {
        captions = captions == null ? Map.of() : Map.copyOf(captions);
        sort = sort == null ? PhotoOrder.TAKEN_AT : sort;
        explicitOrder = explicitOrder == null ? List.of() : List.copyOf(explicitOrder);
    }

    public enum PhotoOrder {
        TAKEN_AT, NAME, EXPLICIT
    }
}
