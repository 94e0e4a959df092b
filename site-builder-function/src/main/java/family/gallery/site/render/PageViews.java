package family.gallery.site.render;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * What the templates see: every string is raw text, escaped by Qute when written into HTML. Each
 * record is {@link TemplateData}: the layout and the album tiles tag are not type-checked, so
 * without it a native image, which has no reflection for them, could not read their members.
 */
public final class PageViews {

    private PageViews() {
    }

    /**
     * @param root the way back to the site root from this page, prefixed to every link
     * @param home the link to this audience's home page
     */
    @TemplateData
    public record Chrome(String siteTitle, String footer, String lang, String root, String home, SiteAssets.Urls assets) {
    }

    @TemplateData
    public record Crumb(String href, String title) {
    }

    @TemplateData
    public record AlbumTile(String href, String title, String dates, String coverSrc, String coverSrcset,
            int coverWidth, int coverHeight, String coverAlt, String counts) {
    }

    /**
     * A photo or a video in the album's grid.
     *
     * @param id            the photo's name in the page URL's fragment, already encoded
     * @param href          where the tile leads without the viewer: the largest rendition, or a video's web version
     * @param aspectClass   the CSS class that gives the tile its aspect ratio
     * @param viewerSrc     the largest rendition; a video's poster
     * @param viewerWidth   the largest rendition's width; a video's as it plays
     * @param downloadHref  what the download button saves (the largest rendition, a video's web version), or null for none
     * @param downloadName  the name it is saved as, or null for none
     * @param duration      how long a video runs, e.g. {@code 0:42} or {@code 1:02:05}; null for a photo
     * @param motionSrc     a Live Photo's motion, or null
     * @param sortTime      when it was taken, ISO-8601 local time, for sorting on the page; empty when unknown
     * @param info          the viewer's info panel: date, camera, exposure, size, file name
     * @param originalHref  the original as uploaded, where the stack and album.yml offer it; else null
     */
    @TemplateData
    public record PhotoTile(String id, String href, String src, String srcset, String sizes, int width, int height,
            String aspectClass, String alt, String caption, String takenAt, String camera,
            String viewerSrc, String viewerSrcset, int viewerWidth, int viewerHeight, String downloadHref,
            String downloadName, String duration, String motionSrc, String sortTime, List<InfoRow> info,
            String originalHref) {
    }

    /** One line of the viewer's info panel, e.g. {@code Aperture} and {@code f/1.78}. */
    @TemplateData
    public record InfoRow(String label, String value) {
    }

    @TemplateData
    public record HomePage(Chrome chrome, List<AlbumTile> albums) {
    }

    /**
     * @param order    how the photos are sorted: {@code taken-at}, {@code name} or {@code album} (album.yml's list)
     * @param sortable whether the page offers viewers another order
     * @param zips     the album as ZIPs the page offers: its largest renditions, and its originals where offered
     */
    @TemplateData
    public record AlbumPage(Chrome chrome, List<Crumb> breadcrumbs, String title, String description, String dates,
            String counts, List<AlbumTile> subAlbums, List<PhotoTile> photos, String order, boolean sortable,
            List<ZipOffer> zips) {
    }

    /**
     * A button that asks for the album as one ZIP.
     *
     * @param folder the ZIP's folder from this page, e.g. {@code ../../a/family/zips/<digest>/}
     * @param files  how many files it holds
     */
    @TemplateData
    public record ZipOffer(String folder, String label, int files) {
    }
}
