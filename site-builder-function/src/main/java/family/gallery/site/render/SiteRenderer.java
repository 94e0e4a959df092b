package family.gallery.site.render;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import family.gallery.site.model.Album;
import family.gallery.site.model.Gallery;
import family.gallery.site.model.Photo;
import family.gallery.site.model.Rendition;
import family.gallery.site.render.PageViews.AlbumPage;
import family.gallery.site.render.PageViews.AlbumTile;
import family.gallery.site.render.PageViews.Chrome;
import family.gallery.site.render.PageViews.Crumb;
import family.gallery.site.render.PageViews.HomePage;
import family.gallery.site.render.PageViews.PhotoTile;

/** Renders the home page and one page per album with the Qute templates under {@code templates/site}. */
public final class SiteRenderer {

    /** Grid row height in CSS pixels on wide screens; {@code gallery.css} uses the same. */
    static final int ROW_HEIGHT = 240;
    /** The most a tile grows beyond its row height to fill a row, for {@code sizes}. */
    private static final double MAX_STRETCH = 1.6;
    private static final int COVER_WIDTH = 480;

    @CheckedTemplate(basePath = "site")
    static class Templates {
        static native TemplateInstance home(HomePage page);

        static native TemplateInstance album(AlbumPage page);
    }

    private final SiteConfig config;
    private final SiteAssets.Urls assets;
    private final DateTimeFormatter dayFormat;
    private final DateTimeFormatter takenAtFormat;

    public SiteRenderer(SiteConfig config, SiteAssets.Urls assets) {
        this.config = config;
        this.assets = assets;
        this.dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(config.locale());
        this.takenAtFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(config.locale());
    }

    /** The home page and every album page, parents before children. */
    public List<SiteFile> render(Gallery gallery) {
        List<SiteFile> pages = new ArrayList<>();
        Chrome homeChrome = chrome(SitePaths.HOME);
        pages.add(SiteFile.page(SitePaths.HOME, Templates.home(new HomePage(homeChrome,
                gallery.topLevel().stream().map(album -> tile(album, "")).toList())).render()));
        for (Album album : gallery.allAlbums()) {
            pages.add(renderAlbum(album));
        }
        return pages;
    }

    SiteFile renderAlbum(Album album) {
        String key = SitePaths.albumPageKey(album.path());
        Chrome chrome = chrome(key);
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(chrome.root() + SitePaths.HOME, config.siteTitle()));
        for (String ancestor : album.ancestorPaths()) {
            crumbs.add(new Crumb(chrome.root() + SitePaths.albumPageHref(ancestor), ancestor.substring(ancestor.lastIndexOf('/') + 1)));
        }
        AlbumPage page = new AlbumPage(chrome, crumbs, album.title(), album.description(), dates(album), counts(album),
                album.children().stream().map(child -> tile(child, chrome.root())).toList(),
                album.photos().stream().map(photo -> photoTile(photo, chrome.root())).toList());
        return SiteFile.page(key, Templates.album(page).render());
    }

    private Chrome chrome(String key) {
        return new Chrome(config.siteTitle(), config.footer(), config.locale().toLanguageTag(), SitePaths.rootFrom(key),
                assets);
    }

    private AlbumTile tile(Album album, String root) {
        Photo cover = album.cover();
        Rendition image = cover.atLeast(COVER_WIDTH);
        return new AlbumTile(root + SitePaths.albumPageHref(album.path()), album.title(), dates(album),
                mediaUrl(root, image), srcset(root, cover), image.width(), image.height(), album.title(), counts(album));
    }

    private PhotoTile photoTile(Photo photo, String root) {
        double ratio = photo.aspectRatio();
        int displayWidth = (int) Math.ceil(ratio * ROW_HEIGHT);
        Rendition thumbnail = photo.atLeast(displayWidth);
        Rendition largest = photo.largest();
        String srcset = srcset(root, photo);
        String caption = Objects.requireNonNullElse(photo.caption(), "");
        Rendition played = photo.isVideo() ? photo.video().webVersion() : largest;
        return new PhotoTile(SitePaths.encodeSegment(photo.fileName()), mediaUrl(root, played), mediaUrl(root, thumbnail),
                srcset,
                "(max-width: 600px) " + (int) Math.ceil(ratio * ROW_HEIGHT / 2 * MAX_STRETCH) + "px, "
                        + (int) Math.ceil(displayWidth * MAX_STRETCH) + "px",
                thumbnail.width(), thumbnail.height(), AspectRatioClasses.of(ratio),
                caption.isEmpty() ? photo.fileName() : caption, caption,
                photo.takenAt() == null ? "" : takenAtFormat.format(photo.takenAt()),
                Objects.requireNonNullElse(photo.camera(), ""),
                mediaUrl(root, largest), srcset, played.width(), played.height(),
                config.downloadOriginals() ? root + config.originalsPath() + SitePaths.encodePath(photo.sourceKey()) : null,
                photo.isVideo() ? runningTime(photo.video().duration()) : null,
                photo.motion() == null ? null : mediaUrl(root, photo.motion()));
    }

    /** {@code 0:42} or {@code 1:02:05}, in whole seconds as players show it; never {@code 0:00}, which would look broken. */
    static String runningTime(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
    }

    private String srcset(String root, Photo photo) {
        return photo.renditions().stream().map(r -> mediaUrl(root, r) + " " + r.width() + "w")
                .collect(Collectors.joining(", "));
    }

    private String mediaUrl(String root, Rendition rendition) {
        return root + config.mediaPath() + SitePaths.encodePath(rendition.key());
    }

    private String dates(Album album) {
        LocalDate from = album.from();
        LocalDate to = album.to();
        if (from == null) {
            return "";
        }
        return from.equals(to) ? dayFormat.format(from) : dayFormat.format(from) + " – " + dayFormat.format(to);
    }

    /** E.g. {@code 12 photos, 2 videos, 1 album}; a kind of which there is none is left out. */
    private static String counts(Album album) {
        List<String> counts = new ArrayList<>();
        int photos = album.totalPhotos();
        int videos = album.totalVideos();
        if (photos > 0 || videos == 0) {
            counts.add(count(photos, "photo"));
        }
        if (videos > 0) {
            counts.add(count(videos, "video"));
        }
        if (!album.children().isEmpty()) {
            counts.add(count(album.children().size(), "album"));
        }
        return String.join(", ", counts);
    }

    private static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}
