package family.gallery.site.render;

import static family.gallery.site.model.CatalogPhotos.ready;
import static family.gallery.site.model.CatalogPhotos.video;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import family.gallery.accounts.AlbumZips;
import family.gallery.accounts.SiteAccess;
import family.gallery.accounts.ZipManifest;
import family.gallery.catalog.PhotoDetails;
import family.gallery.site.model.AlbumYaml;
import family.gallery.site.model.Audience;
import family.gallery.site.model.CatalogPhoto;
import family.gallery.site.model.Gallery;
import family.gallery.site.model.GalleryAssembler;
import family.gallery.site.model.GalleryAssembler.AlbumOrder;
import family.gallery.site.model.Rendition;

@QuarkusTest
class SiteRendererTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ATTRIBUTE_BREAKOUT = "\"><img src=x onerror=alert(2)>";
    private static final SiteAssets ASSETS = SiteAssets.load();
    private static final String VIEW = SiteAccess.viewPrefix(Set.of());
    /** From an album page (v/<view>/albums/<album>/index.html) to everyone's media. */
    private static final String MEDIA_FROM_ALBUM = "../../../../a/everyone/media/";

    private static Map<String, Document> render(List<CatalogPhoto> photos, Map<String, AlbumYaml.Parsed> yml,
            SiteConfig config) {
        Gallery gallery = new GalleryAssembler(AlbumOrder.NEWEST_FIRST).assemble(photos, yml);
        // Keys within the view, as a viewer in no group sees the site.
        return new SiteRenderer(config, ASSETS.urls()).render(SiteView.members(Set.of(), gallery, config.originals())).stream()
                .filter(page -> page.key().startsWith(VIEW)).collect(Collectors.toMap(page -> page.key().substring(VIEW.length()),
                page -> Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8)), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    private static Map<String, Document> render(List<CatalogPhoto> photos, Map<String, AlbumYaml.Parsed> yml) {
        return render(photos, yml, SiteConfig.defaults());
    }

    @Test
    void untrustedNamesCaptionsAndFileNamesStayText() {
        // A folder name cannot hold a slash, so the script tag comes in through album.yml's title.
        String album = "<img src=x onerror=alert(0)> & " + ATTRIBUTE_BREAKOUT;
        String fileName = ATTRIBUTE_BREAKOUT + ".jpg";
        Map<String, Document> pages = render(List.of(ready(album, fileName), ready(album, "plain.jpg"),
                ready(album + "/" + ATTRIBUTE_BREAKOUT, "x.jpg")),
                Map.of(album, AlbumYaml.parse("title: '" + SCRIPT + "'\ndescription: '" + SCRIPT + "'\ncaptions:\n"
                        + "  plain.jpg: '" + ATTRIBUTE_BREAKOUT + "'\n"
                        + "  '" + fileName.replace("'", "''") + "': '" + SCRIPT + "'\n")));
        assertEquals(3, pages.size());
        for (Document page : pages.values()) {
            assertEquals(1, page.select("script").size(), "only the site's own module script");
            assertTrue(page.select("[onerror], img[src=x]").isEmpty(), page.html());
        }
        Document albumPage = pages.get(SitePaths.albumPageKey(album));
        assertEquals(SCRIPT, albumPage.selectFirst("h1").text());
        assertEquals(SCRIPT, albumPage.selectFirst(".album-description").text());
        assertEquals(ATTRIBUTE_BREAKOUT, albumPage.selectFirst(".album-tiles .album-title").text());
        List<Element> tiles = albumPage.select("a.tile");
        assertEquals(Set.of(SCRIPT, ATTRIBUTE_BREAKOUT), tiles.stream().map(t -> t.attr("data-caption")).collect(Collectors.toSet()));
        assertEquals(Set.of(SCRIPT, ATTRIBUTE_BREAKOUT), albumPage.select("a.tile img").eachAttr("alt").stream().collect(Collectors.toSet()));
        assertEquals(SCRIPT, pages.get(SitePaths.HOME).selectFirst(".album-title").text());
        Element evil = tiles.stream().filter(t -> t.attr("data-caption").equals(SCRIPT)).findFirst().orElseThrow();
        assertEquals(SitePaths.encodeSegment(fileName), evil.attr("data-photo-id"));
        assertEquals(evil.attr("href"), evil.attr("data-download"), "the largest rendition");
        assertEquals(fileName, evil.attr("data-download-name"));
        Document nested = pages.get(SitePaths.albumPageKey(album + "/" + ATTRIBUTE_BREAKOUT));
        assertEquals(List.of("Family Gallery", album), nested.select(".breadcrumbs a").eachText());
        assertEquals(SCRIPT + " · Family Gallery", albumPage.title());
    }

    @Test
    void everyLinkToAPageLeadsToAPublishedPageWhateverTheNames() {
        List<String> albums = List.of("Été 2026", "a+b", "Été 2026/100% #1?", "🎉 party/  spaced  ", "x/y/z");
        Map<String, Document> pages = render(albums.stream().map(album -> ready(album, "c+d é.jpg")).toList(), Map.of());
        int links = 0;
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            for (Element link : page.getValue().select("a[href$=index.html]")) {
                String target = resolve(page.getKey(), link.attr("href"));
                assertTrue(pages.containsKey(target), page.getKey() + " links to " + link.attr("href") + " = " + target);
                links++;
            }
        }
        assertTrue(links > 20, "links checked: " + links);
        Document party = pages.get("albums/🎉 party/  spaced  /index.html");
        assertEquals(List.of("Family Gallery", "🎉 party"), party.select(".breadcrumbs a").eachText());
        assertEquals(VIEW + "albums/%F0%9F%8E%89%20party/index.html", party.select(".breadcrumbs a").get(1).attr("href")
                .replace("../", ""));
    }

    /** What S3 sees: the link resolved against the page's URL, percent-decoded. */
    private static String resolve(String pageKey, String href) {
        URI page = URI.create("https://gallery.example/" + SitePaths.encodePath(VIEW + pageKey));
        String path = page.resolve(href).getPath().substring(1);
        return path.startsWith(VIEW) ? path.substring(VIEW.length()) : path;
    }

    @Test
    void photosFormAJustifiedGridFromTheirStoredDimensions() {
        Map<String, Document> pages = render(List.of(
                ready("grid", "wide.jpg", 6000, 2000, null), ready("grid", "tall.jpg", 2000, 3000, null),
                ready("grid", "odd.jpg", 123, 100000, null)), Map.of("grid", AlbumYaml.parse("sort: name")));
        List<Element> tiles = pages.get("albums/grid/index.html").select(".photo-grid > a.tile");
        assertEquals(List.of("tile ar-25", "tile ar-67", "tile ar-300"), tiles.stream().map(Element::className).toList());
        String grid = new String(ASSETS.files().stream().filter(f -> f.key().startsWith("assets/grid.")).findFirst()
                .orElseThrow().body(), StandardCharsets.UTF_8);
        assertTrue(grid.contains(".ar-67{--ar:0.67}") && grid.contains(".ar-300{--ar:3.00}"), grid.substring(0, 200));
        Element wide = tiles.get(2);
        assertEquals("i", wide.child(0).tagName(), "the spacer that holds the tile's height");
        Element image = wide.selectFirst("img");
        assertEquals("lazy", image.attr("loading"));
        assertEquals("1600", wide.attr("data-pswp-width"));
        assertEquals("533", wide.attr("data-pswp-height"));
        // 240 px row: a 3:1 tile is 720 px wide, so the 800 px rendition is the grid image.
        assertEquals("800", image.attr("width"));
        assertTrue(image.attr("src").endsWith("/800.jpg"), image.attr("src"));
        assertEquals(List.of("400w", "800w", "1600w"), List.of(image.attr("srcset").split(", ")).stream()
                .map(candidate -> candidate.substring(candidate.lastIndexOf(' ') + 1)).toList());
        assertEquals(image.attr("srcset"), wide.attr("data-pswp-srcset"));
        assertTrue(image.attr("sizes").matches("\\(max-width: 600px\\) \\d+px, \\d+px"), image.attr("sizes"));
        assertTrue(wide.attr("href").startsWith(MEDIA_FROM_ALBUM) && wide.attr("href").endsWith("/1600.jpg"));
        assertTrue(wide.attr("data-download").endsWith("/1600.jpg"), "members save the largest rendition: " + wide.attr("data-download"));
        assertEquals("wide.jpg", wide.attr("data-download-name"));
    }

    @Test
    void aVideoTileShowsItsPosterWithBadgeAndRunningTimeAndLeadsToTheVideo() {
        Map<String, Document> pages = render(List.of(ready("trip", "photo.jpg"),
                video("trip", "Beach + waves.mp4", 1920, 1080, LocalDateTime.of(2026, 7, 15, 9, 0), Duration.ofMillis(42_600))),
                Map.of());
        Document page = pages.get("albums/trip/index.html");
        List<Element> tiles = page.select(".photo-grid > a.tile");
        assertEquals(List.of("photo.jpg", "Beach%20%2B%20waves.mp4"), tiles.stream().map(t -> t.attr("data-photo-id")).toList());
        Element photo = tiles.get(0);
        Element video = tiles.get(1);
        assertTrue(photo.select(".tile-video").isEmpty());
        assertFalse(photo.hasAttr("data-pswp-type"));
        assertEquals("Video, 0:42", video.selectFirst(".tile-video").text());
        assertEquals("0:42", video.selectFirst(".tile-video").ownText());
        assertEquals("video", video.attr("data-pswp-type"));
        assertTrue(video.attr("href").startsWith(MEDIA_FROM_ALBUM) && video.attr("href").endsWith("/1920x1080.mp4"),
                "without the viewer the tile plays the video: " + video.attr("href"));
        assertEquals("1920", video.attr("data-pswp-width"));
        assertEquals("1080", video.attr("data-pswp-height"));
        assertTrue(video.attr("data-poster").endsWith("/1600.jpg"), "the largest poster: " + video.attr("data-poster"));
        assertTrue(video.selectFirst("img").attr("src").endsWith(".jpg"), "the grid shows the poster");
        assertEquals("tile ar-178", video.className());
        assertEquals(video.attr("href"), video.attr("data-download"), "the web version");
        assertEquals("Beach + waves.mp4", video.attr("data-download-name"));
        assertEquals("14 Jul 2026 – 15 Jul 2026 · 1 photo, 1 video", page.selectFirst(".album-meta").text());
    }

    @Test
    void runningTimesReadLikeAPlayersClock() {
        assertEquals("0:42", SiteRenderer.runningTime(Duration.ofMillis(42_999)));
        assertEquals("1:00", SiteRenderer.runningTime(Duration.ofSeconds(60)));
        assertEquals("59:59", SiteRenderer.runningTime(Duration.ofSeconds(3599)));
        assertEquals("1:02:05", SiteRenderer.runningTime(Duration.ofSeconds(3725)));
        assertEquals("0:01", SiteRenderer.runningTime(Duration.ofMillis(400)));
    }

    @Test
    void countsNamePhotosVideosAndAlbumsWithTheirPlurals() {
        LocalDateTime july = LocalDateTime.of(2026, 7, 14, 9, 0);
        Map<String, Document> pages = render(List.of(
                ready("mixed", "a.jpg"), ready("mixed", "b.jpg"),
                video("mixed", "c.mp4", 1920, 1080, july, Duration.ofSeconds(5)),
                video("mixed", "d.mp4", 1920, 1080, july, Duration.ofSeconds(5)),
                video("films", "only.mp4", 1920, 1080, july, Duration.ofSeconds(5)),
                ready("parent", "p.jpg"), video("parent/child", "v.mov", 1920, 1080, july, Duration.ofSeconds(5)),
                ready("live", "IMG_2041.HEIC"), video("live", "IMG_2041.MOV", 1440, 1080, july, Duration.ofSeconds(3))),
                Map.of());
        Map<String, String> counts = pages.get(SitePaths.HOME).select(".album-tile").stream().collect(Collectors.toMap(
                tile -> tile.selectFirst(".album-title").text(), tile -> tile.selectFirst(".album-meta").text()));
        assertEquals(Map.of("mixed", "14 Jul 2026 · 2 photos, 2 videos", "films", "14 Jul 2026 · 1 video",
                "parent", "14 Jul 2026 · 1 photo, 1 video, 1 album", "live", "14 Jul 2026 · 1 photo"), counts);
        List<Element> live = pages.get("albums/live/index.html").select(".photo-grid > a.tile");
        assertEquals(List.of("IMG_2041.HEIC"), live.stream().map(t -> t.attr("data-photo-id")).toList(),
                "a Live Photo shows once, as its photo");
        assertTrue(live.get(0).attr("data-motion").startsWith(MEDIA_FROM_ALBUM) && live.get(0).attr("data-motion").endsWith(".mp4"),
                "its motion plays on request: " + live.get(0).attr("data-motion"));
        assertTrue(live.get(0).select(".tile-video").isEmpty());
        assertEquals("IMG_2041.jpg", live.get(0).attr("data-download-name"), "a HEIC is saved as the JPEG it shows");
        assertFalse(pages.get("albums/mixed/index.html").selectFirst("a.tile").hasAttr("data-motion"));
    }

    @Test
    void theInfoPanelListsWhatThePhotoSaysAndNothingElse() {
        CatalogPhoto shot = new CatalogPhoto("trip", "IMG_0042.HEIC", 4032, 3024, ready("trip", "x.jpg").renditions(),
                null, LocalDateTime.of(2026, 7, 14, 9, 30), ZoneOffset.ofHours(2),
                new PhotoDetails(Optional.of("Apple iPhone 15 Pro"), Optional.of("iPhone 15 Pro back camera 6.765mm f/1.78"),
                        Optional.of(6.77), Optional.of(1.78), Optional.of("1/120"), Optional.of(64), Optional.empty()),
                null, null);
        Document page = render(List.of(shot, ready("trip", "plain.jpg", 300, 200, null)), Map.of())
                .get(SitePaths.albumPageKey("trip"));
        Map<String, String> info = infoOf(page.selectFirst("a.tile[data-photo-id=IMG_0042.HEIC]"));
        assertEquals(List.of("Taken", "Camera", "Lens", "Focal length", "Aperture", "Shutter", "ISO", "Size", "File"),
                List.copyOf(info.keySet()));
        assertTrue(info.get("Taken").endsWith(" (UTC+02:00)"), info.get("Taken"));
        assertTrue(info.get("Taken").contains("2026"), info.get("Taken"));
        assertEquals("6.77 mm", info.get("Focal length"));
        assertEquals("f/1.78", info.get("Aperture"));
        assertEquals("1/120 s", info.get("Shutter"));
        assertEquals("64", info.get("ISO"));
        assertEquals("4032 \u00d7 3024 (12.2 MP)", info.get("Size"));
        assertEquals("IMG_0042.HEIC", info.get("File"));
        assertEquals("2026-07-14T09:30", page.selectFirst("a.tile[data-photo-id=IMG_0042.HEIC]").attr("data-sort-time"));
        Element plain = page.selectFirst("a.tile[data-photo-id=plain.jpg]");
        assertEquals(List.of("Camera", "Size", "File"), List.copyOf(infoOf(plain).keySet()), "no date, no exposure: no rows");
        assertEquals("", plain.attr("data-sort-time"));
        assertTrue(plain.selectFirst(".tile-info").hasAttr("hidden"), "shown by the viewer only");
    }

    private static Map<String, String> infoOf(Element tile) {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        for (Element term : tile.select(".tile-info dt")) {
            rows.put(term.text(), term.nextElementSibling().text());
        }
        return rows;
    }

    @Test
    void viewersMayReSortWhereAlbumYmlAllows() {
        List<CatalogPhoto> photos = List.of(ready("open", "a.jpg"), ready("open", "b.jpg"), ready("listed", "a.jpg"),
                ready("listed", "b.jpg"), ready("fixed", "a.jpg"), ready("fixed", "b.jpg"), ready("single", "a.jpg"));
        Map<String, Document> pages = render(photos, Map.of("listed", AlbumYaml.parse("sort: [b.jpg, a.jpg]"),
                "fixed", AlbumYaml.parse("viewer-sort: false")));
        Element open = pages.get(SitePaths.albumPageKey("open")).selectFirst(".album-order");
        assertEquals("taken-at", open.attr("data-order"));
        assertTrue(open.hasAttr("hidden"), "shown by the script that sorts, so never a dead control");
        assertEquals(List.of("taken-at", "name"), open.select("option").eachAttr("value"));
        Element listed = pages.get(SitePaths.albumPageKey("listed")).selectFirst(".album-order");
        assertEquals("album", listed.attr("data-order"));
        assertEquals(List.of("album", "taken-at", "name"), listed.select("option").eachAttr("value"));
        assertNull(pages.get(SitePaths.albumPageKey("fixed")).selectFirst(".album-order"));
        assertNull(pages.get(SitePaths.albumPageKey("single")).selectFirst(".album-order"), "one photo has one order");
    }

    @Test
    void originalsAreOfferedWhereTheStackAndTheAlbumAllow() {
        List<CatalogPhoto> photos = List.of(ready("kept", "IMG 1.HEIC"), ready("plain", "p.jpg"));
        Map<String, AlbumYaml.Parsed> yml = Map.of("kept", AlbumYaml.parse("originals: true"));
        SiteConfig allowing = new SiteConfig("Family Gallery", "", java.util.Locale.UK, AlbumOrder.NEWEST_FIRST, true);
        Element kept = render(photos, yml, allowing).get(SitePaths.albumPageKey("kept")).selectFirst("a.tile");
        String folder = photos.get(0).renditions().get(0).key().replaceFirst("[^/]+$", "");
        assertEquals(MEDIA_FROM_ALBUM.replace("media/", "") + SitePaths.encodePath(folder + "original/IMG 1.HEIC"),
                kept.attr("data-original"));
        assertFalse(render(photos, yml, allowing).get(SitePaths.albumPageKey("plain")).selectFirst("a.tile")
                .hasAttr("data-original"), "the album does not offer them");
        assertFalse(render(photos, yml).get(SitePaths.albumPageKey("kept")).selectFirst("a.tile").hasAttr("data-original"),
                "the stack does not allow them");
    }

    @Test
    void albumsOfferTheirFilesAsZipsWhoseManifestsListWhatTheDownloadButtonsSave() {
        List<CatalogPhoto> photos = List.of(ready("kept", "IMG 1.HEIC"), ready("kept", "img 1.jpg"), ready("plain", "p.jpg"));
        Map<String, AlbumYaml.Parsed> yml = Map.of("kept", AlbumYaml.parse("originals: true"));
        SiteConfig allowing = new SiteConfig("Family Gallery", "", java.util.Locale.UK, AlbumOrder.NEWEST_FIRST, true);
        Gallery gallery = new GalleryAssembler(AlbumOrder.NEWEST_FIRST).assemble(photos, yml);
        List<SiteFile> files = new SiteRenderer(allowing, ASSETS.urls()).render(SiteView.members(Set.of(), gallery, true));
        Document kept = Jsoup.parse(new String(files.stream().filter(f -> f.key().equals(VIEW + SitePaths.albumPageKey("kept")))
                .findFirst().orElseThrow().body(), StandardCharsets.UTF_8));
        List<Element> buttons = kept.select(".album-zips[hidden] button.album-zip");
        assertEquals(List.of("Download album", "Download originals"), buttons.stream().map(Element::text).toList());
        Map<String, ZipManifest> manifests = files.stream().filter(f -> AlbumZips.isManifest(f.key()))
                .collect(Collectors.toMap(SiteFile::key, f -> ZipManifest.parse(f.body())));
        assertEquals(3, manifests.size(), "two for kept, one for plain: " + manifests.keySet());
        for (Element button : buttons) {
            String folder = resolve(SitePaths.albumPageKey("kept"), button.attr("data-zip"));
            ZipManifest manifest = manifests.get(folder + AlbumZips.MANIFEST);
            assertTrue(manifest != null, folder + " is published");
            assertEquals("2", button.attr("data-files"));
            assertTrue(folder.startsWith(SiteAccess.EVERYONE + "zips/"), folder);
            assertTrue(manifest.entries().stream().allMatch(entry -> entry.key().startsWith(SiteAccess.EVERYONE)), manifest.toString());
        }
        ZipManifest largest = manifests.get(resolve(SitePaths.albumPageKey("kept"), buttons.get(0).attr("data-zip")) + AlbumZips.MANIFEST);
        ZipManifest originals = manifests.get(resolve(SitePaths.albumPageKey("kept"), buttons.get(1).attr("data-zip")) + AlbumZips.MANIFEST);
        assertEquals("kept.zip", largest.fileName());
        assertEquals(new TreeSet<>(List.of("IMG 1.jpg", "img 1 (2).jpg")),
                new TreeSet<>(largest.entries().stream().map(ZipManifest.Entry::name).toList()), "saved as .jpg, made unique");
        List<String> tiles = kept.select("a.tile").eachAttr("data-download");
        assertEquals(new TreeSet<>(tiles.stream().map(href -> resolve(SitePaths.albumPageKey("kept"), href)).toList()),
                new TreeSet<>(largest.entries().stream().map(ZipManifest.Entry::key).toList()), "what the download buttons save");
        assertEquals("kept (originals).zip", originals.fileName());
        assertEquals(new TreeSet<>(List.of("IMG 1.HEIC", "img 1.jpg")),
                new TreeSet<>(originals.entries().stream().map(ZipManifest.Entry::name).toList()));

        Gallery shared = new GalleryAssembler(AlbumOrder.NEWEST_FIRST).assemble(photos, yml, Audience.guests("kept"));
        assertTrue(new SiteRenderer(allowing, ASSETS.urls()).render(SiteView.guests("k3q7x2mbd5ra", shared, false)).stream()
                .noneMatch(f -> AlbumZips.isManifest(f.key())), "a guest link without downloads offers no ZIP");
        List<SiteFile> guestFiles = new SiteRenderer(allowing, ASSETS.urls()).render(SiteView.guests("k3q7x2mbd5ra", shared, true));
        assertEquals(1, guestFiles.stream().filter(f -> AlbumZips.isManifest(f.key())).count(), "never the originals for guests");
    }

    @Test
    void renditionKeysAreEncodedInMediaUrls() {
        CatalogPhoto photo = new CatalogPhoto("a", "p.jpg", 100, 100,
                List.of(new Rendition("media/ab cd/x+y#1.webp", 100, 100)), null, null, null, null, null, null);
        Element image = render(List.of(photo), Map.of()).get("albums/a/index.html").selectFirst(".tile img");
        assertEquals(MEDIA_FROM_ALBUM + "ab%20cd/x%2By%231.webp", image.attr("src"));
    }

    @Test
    void homeListsTopLevelAlbumsNewestFirstWithCoverDatesAndCounts() {
        LocalDateTime july = LocalDateTime.of(2026, 7, 14, 9, 0);
        Map<String, Document> pages = render(List.of(
                ready("older", "o.jpg", 4000, 3000, july.minusYears(1)),
                ready("newer", "n1.jpg", 4000, 3000, july), ready("newer", "n2.jpg", 4000, 3000, july.plusDays(3)),
                ready("newer/inner", "i.jpg", 4000, 3000, july.plusDays(1))),
                Map.of("newer", AlbumYaml.parse("cover: n2.jpg")));
        Document home = pages.get(SitePaths.HOME);
        assertEquals(List.of("newer", "older"), home.select(".album-tile .album-title").eachText());
        Element newer = home.selectFirst(".album-tile");
        assertEquals("14 Jul 2026 – 17 Jul 2026 · 3 photos, 1 album", newer.selectFirst(".album-meta").text());
        Document newerPage = pages.get("albums/newer/index.html");
        String coverSrc = newer.selectFirst("img").attr("src");
        String n2 = newerPage.select("a.tile").stream().filter(t -> t.attr("data-photo-id").equals("n2.jpg"))
                .findFirst().orElseThrow().selectFirst("img").attr("srcset");
        assertTrue(n2.contains(coverSrc.replace("../..", "")) || n2.contains(coverSrc.substring(coverSrc.indexOf("media/"))),
                "cover comes from album.yml: " + coverSrc);
        assertEquals(List.of("inner"), newerPage.select(".album-tiles .album-title").eachText());
        assertFalse(home.select(".album-title").eachText().contains("inner"), "sub-albums live on their parent's page");
    }

    @Test
    void localeAndSiteSettingsComeFromConfig() {
        SiteConfig config = new SiteConfig("Oma's <Fotos>", "© Familie", java.util.Locale.GERMANY, AlbumOrder.NAME, false);
        Document home = render(List.of(ready("a", "x.jpg")), Map.of(), config).get(SitePaths.HOME);
        assertEquals("Oma's <Fotos>", home.title());
        assertEquals("© Familie", home.selectFirst("footer").text());
        assertEquals("de-DE", home.selectFirst("html").attr("lang"));
        assertEquals("14.07.2026 · 1 photo", home.selectFirst(".album-tile .album-meta").text());
        assertTrue(home.selectFirst(".album-tile img").attr("src").startsWith("../../a/everyone/media/"));
    }

    @Test
    void pagesLoadOnlyTheirOwnFingerprintedAssets() {
        Document home = render(List.of(ready("a", "x.jpg")), Map.of()).get(SitePaths.HOME);
        Set<String> assetKeys = ASSETS.files().stream().map(SiteFile::key).collect(Collectors.toSet());
        List<String> referenced = home.select("link[rel=stylesheet], script[src]").stream()
                .map(element -> element.hasAttr("src") ? element.attr("src") : element.attr("href")).toList();
        referenced.forEach(url -> assertTrue(url.startsWith("../../") && assetKeys.contains(url.substring(6)), url));
        assertTrue(assetKeys.containsAll(Set.of(home.body().attr("data-lightbox-module").substring(6),
                home.body().attr("data-viewer-module").substring(6))));
        assertTrue(home.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content").contains("script-src 'self';"));
        assertTrue(home.select("[style]").isEmpty(), "no inline styles under the CSP");
        ASSETS.files().forEach(file -> assertTrue(file.immutable()
                && file.key().matches("assets/[A-Za-z-]+\\.[0-9a-f]{12}(\\.[a-z]+)+"), file.key()));
    }

}
