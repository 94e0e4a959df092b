package family.gallery.site.render;

import java.util.Locale;

import family.gallery.site.model.GalleryAssembler.AlbumOrder;

/**
 * How the site looks and what it offers.
 *
 * @param originals whether signed-in viewers may download the originals of albums whose album.yml allows it
 */
public record SiteConfig(String siteTitle, String footer, Locale locale, AlbumOrder albumOrder, boolean originals) {

    public static SiteConfig defaults() {
        return new SiteConfig("Family Gallery", "", Locale.UK, AlbumOrder.NEWEST_FIRST, false);
    }
}
