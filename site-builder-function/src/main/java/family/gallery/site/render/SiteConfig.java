package family.gallery.site.render;

import java.util.Locale;

import family.gallery.site.model.GalleryAssembler.AlbumOrder;

/** How the site looks. */
public record SiteConfig(String siteTitle, String footer, Locale locale, AlbumOrder albumOrder) {

    public static SiteConfig defaults() {
        return new SiteConfig("Family Gallery", "", Locale.UK, AlbumOrder.NEWEST_FIRST);
    }
}
