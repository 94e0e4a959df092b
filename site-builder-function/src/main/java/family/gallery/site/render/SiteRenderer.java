package family.gallery.site.render;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import family.gallery.accounts.AlbumZips;
import family.gallery.accounts.ZipManifest;
import family.gallery.site.model.Album;
import family.gallery.site.model.AlbumSettings.PhotoOrder;
import family.gallery.site.model.Photo;
import family.gallery.site.model.Rendition;
import family.gallery.site.render.PageViews.AlbumPage;
import family.gallery.site.render.PageViews.AlbumTile;
import family.gallery.site.render.PageViews.Chrome;
import family.gallery.site.render.PageViews.Crumb;
import family.gallery.site.render.PageViews.HomePage;
import family.gallery.site.render.PageViews.PhotoTile;
import family.gallery.site.render.PageViews.ZipOffer;

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

    /**
     * The view's home page and every album page of it, parents before children, under the view's
     * prefix; and the manifest of each album ZIP the pages offer, under the album's media prefix.
     */
    public List<SiteFile> render(SiteView view) {
        List<SiteFile> pages = new ArrayList<>();
        String homeKey = view.prefix() + SitePaths.HOME;
        Chrome homeChrome = chrome(homeKey, view);
        String base = homeChrome.root() + view.prefix();
        pages.add(SiteFile.page(homeKey, Templates.home(new HomePage(homeChrome,
                view.gallery().topLevel().stream().map(album -> tile(album, base, homeChrome.root(), view)).toList())).render()));
        List<Album> albums = view.gallery().allAlbums();
        Set<String> shown = albums.stream().map(Album::path).collect(Collectors.toSet());
        // Rendering is all CPU, and a lifetime's two thousand album pages are independent of each other.
        pages.addAll(albums.parallelStream().flatMap(album -> {
            List<SiteFile> manifests = zipManifests(album, view);
            return Stream.concat(Stream.of(renderAlbum(album, view, shown, manifests)),
                    manifests.stream());
        }).toList());
        return pages;
    }

    /**
     * Where the view offers downloads, the album's photos and videos as one ZIP of what the download
     * button saves, and one of the originals where they are offered.
     */
    private static List<SiteFile> zipManifests(Album album, SiteView view) {
        if (!view.downloads() || album.photos().isEmpty()) {
            return List.of();
        }
        String prefix = view.mediaPrefix(album.photos().get(0));
        String name = album.path().substring(album.path().lastIndexOf('/') + 1);
        List<SiteFile> manifests = new ArrayList<>();
        manifests.add(manifest(prefix, name + ".zip", album.photos().stream().map(photo -> new ZipManifest.Entry(
                prefix + played(photo).key(), downloadName(photo), photo.takenAt())).toList()));
        if (album.photos().stream().allMatch(view::offersOriginal)) {
            manifests.add(manifest(prefix, name + " (originals).zip", album.photos().stream().map(photo -> new ZipManifest.Entry(
                    prefix + SitePaths.originalKey(photo), photo.fileName(), photo.takenAt())).toList()));
        }
        return manifests;
    }

    private static SiteFile manifest(String prefix, String fileName, List<ZipManifest.Entry> entries) {
        ZipManifest manifest = ZipManifest.of(fileName, entries);
        return new SiteFile(manifest.folder(prefix) + AlbumZips.MANIFEST, manifest.toJson(), "application/json", false);
    }

    /** What the viewer shows full size and the download button saves: the largest rendition, or a video's web version. */
    private static Rendition played(Photo photo) {
        return photo.isVideo() ? photo.video().webVersion() : photo.largest();
    }

    private SiteFile renderAlbum(Album album, SiteView view, Set<String> shown, List<SiteFile> manifests) {
        String key = view.prefix() + SitePaths.albumPageKey(album.path());
        Chrome chrome = chrome(key, view);
        String root = chrome.root();
        String base = root + view.prefix();
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(chrome.home(), config.siteTitle()));
        for (String ancestor : album.ancestorPaths()) {
            if (shown.contains(ancestor)) {
                crumbs.add(new Crumb(base + SitePaths.albumPageHref(ancestor), ancestor.substring(ancestor.lastIndexOf('/') + 1)));
            }
        }
        AlbumPage page = new AlbumPage(chrome, crumbs, album.title(), album.description(), dates(album), counts(album),
                album.children().stream().map(child -> tile(child, base, root, view)).toList(),
                album.photos().stream().map(photo -> photoTile(photo, root, view)).toList(), orderName(album.order()),
                album.viewerSort() && album.photos().size() > 1, zipOffers(manifests, root, album.photos().size()));
        return SiteFile.page(key, Templates.album(page).render());
    }

    private static List<ZipOffer> zipOffers(List<SiteFile> manifests, String root, int files) {
        List<ZipOffer> offers = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            String key = manifests.get(i).key();
            offers.add(new ZipOffer(root + SitePaths.encodePath(key.substring(0, key.length() - AlbumZips.MANIFEST.length())),
                    i == 0 ? "Download album" : "Download originals", files));
        }
        return offers;
    }

    private Chrome chrome(String key, SiteView view) {
        String root = SitePaths.rootFrom(key);
        return new Chrome(config.siteTitle(), config.footer(), config.locale().toLanguageTag(), root,
                root + view.prefix() + SitePaths.HOME, assets);
    }

    /** @param base the way to the view's own root, for links to its pages */
    private AlbumTile tile(Album album, String base, String root, SiteView view) {
        Photo cover = album.cover();
        Rendition image = cover.atLeast(COVER_WIDTH);
        return new AlbumTile(base + SitePaths.albumPageHref(album.path()), album.title(), dates(album),
                mediaUrl(root, view, cover, image), srcset(root, view, cover), image.width(), image.height(), album.title(),
                counts(album));
    }

    private static String orderName(PhotoOrder order) {
        return switch (order) {
            case TAKEN_AT -> "taken-at";
            case NAME -> "name";
            case EXPLICIT -> "album";
        };
    }

    /** What a download is saved as: the original's name with the extension of what is saved, {@code IMG_0042.HEIC} as {@code IMG_0042.jpg}. */
    static String downloadName(Photo photo) {
        String name = photo.fileName();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + (photo.isVideo() ? ".mp4" : ".jpg");
    }

    private PhotoTile photoTile(Photo photo, String root, SiteView view) {
        double ratio = photo.aspectRatio();
        int displayWidth = (int) Math.ceil(ratio * ROW_HEIGHT);
        Rendition thumbnail = photo.atLeast(displayWidth);
        Rendition largest = photo.largest();
        String srcset = srcset(root, view, photo);
        String caption = Objects.requireNonNullElse(photo.caption(), "");
        Rendition played = played(photo);
        String download = view.downloads() ? mediaUrl(root, view, photo, played) : null;
        return new PhotoTile(SitePaths.encodeSegment(photo.fileName()), mediaUrl(root, view, photo, played),
                mediaUrl(root, view, photo, thumbnail), srcset,
                "(max-width: 600px) " + (int) Math.ceil(ratio * ROW_HEIGHT / 2 * MAX_STRETCH) + "px, "
                        + (int) Math.ceil(displayWidth * MAX_STRETCH) + "px",
                thumbnail.width(), thumbnail.height(), AspectRatioClasses.of(ratio),
                caption.isEmpty() ? photo.fileName() : caption, caption,
                photo.takenAt() == null ? "" : takenAtFormat.format(photo.takenAt()),
                photo.details().camera().orElse(""),
                mediaUrl(root, view, photo, largest), srcset, played.width(), played.height(), download,
                download == null ? null : downloadName(photo),
                photo.isVideo() ? runningTime(photo.video().duration()) : null,
                photo.motion() == null ? null : mediaUrl(root, view, photo, photo.motion()),
                photo.takenAt() == null ? "" : photo.takenAt().toString(), PhotoInfo.rows(photo, takenAtFormat),
                view.offersOriginal(photo)
                        ? root + view.mediaPrefix(photo) + SitePaths.encodePath(SitePaths.originalKey(photo)) : null);
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

    private String srcset(String root, SiteView view, Photo photo) {
        return photo.renditions().stream().map(r -> mediaUrl(root, view, photo, r) + " " + r.width() + "w")
                .collect(Collectors.joining(", "));
    }

    /** A rendition of the photo, served from the prefix its album has in this view. */
    private static String mediaUrl(String root, SiteView view, Photo photo, Rendition rendition) {
        return root + view.mediaPrefix(photo) + SitePaths.encodePath(rendition.key());
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
