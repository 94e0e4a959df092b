package family.gallery.site.render;

import java.util.Locale;

import family.gallery.site.model.GalleryAssembler.AlbumOrder;

/**
 * How the site looks and links.
 *
 * @param originalsPath      where originals are served, relative to the site root (e.g. {@code originals/})
 * @param downloadOriginals  whether the viewer offers the original for download
 */
public record SiteConfig(String siteTitle, String footer, Locale locale, AlbumOrder albumOrder,
        String originalsPath, boolean downloadOriginals) {

    public static SiteConfig defaults() {
        return new SiteConfig("Family Gallery", "", Locale.UK, AlbumOrder.NEWEST_FIRST, "originals/", false);
    }

    public SiteConfig withDownloadOriginals(boolean enabled) {
        return new SiteConfig(siteTitle, footer, locale, albumOrder, originalsPath, enabled);
    }
}
