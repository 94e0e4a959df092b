package family.gallery.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;

import family.gallery.site.render.SitePaths;

/**
 * The generated pages in a real browser, served with the site's CSP as a header: no script or
 * style is refused; the justified grid fills its rows before any image loads; a deep link opens the
 * viewer on its photo with the caption as text; each open photo has its own URL, arrow keys move,
 * Back and Escape close; a video plays with the browser's controls, seeks without swiping and stops
 * when the viewer moves on, with the mouse and with a finger; a Live Photo is one photo whose motion
 * plays on request; screenshots at desktop and phone widths land in target/screenshots.
 */
@QuarkusTest
class BrowserTest {

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "media-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript", "css", "text/css", "jpg", "image/jpeg", "mp4", "video/mp4", "txt", "text/plain");

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private static HttpServer server;
    private static Path root;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void serveSampleSite() throws IOException {
        root = Files.createTempDirectory("sample-site");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
            byte[] body = Files.readAllBytes(file);
            // Byte ranges as S3 and CloudFront serve them: players seek with them.
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            Matcher range = RANGE.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
            int status = 200;
            if (range.matches()) {
                int start = Integer.parseInt(range.group(1));
                int end = range.group(2).isEmpty() ? body.length - 1 : Math.min(body.length - 1, Integer.parseInt(range.group(2)));
                exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + body.length);
                body = java.util.Arrays.copyOfRange(body, start, end + 1);
                status = 206;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static boolean written;

    /** The page's address; the site is rendered on first use, once Quarkus has started its templates. */
    private static String url(String key) {
        if (!written) {
            SampleSite.write(root);
            written = true;
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + SampleSite.VIEW + SitePaths.encodePath(key);
    }

    @Test
    void aDeepLinkOpensTheViewerOnItsPhotoWithTheCaptionAsText() {
        Chromium.Run run = Chromium.dumpDom(url(SitePaths.albumPageKey(SampleSite.ALBUM)) + "#photo=IMG_0002.jpg", 1280, 900);
        assertNoRefusals(run);
        Document dom = Jsoup.parse(run.stdout());
        assertEquals(1, dom.select(".pswp").size(), "the viewer is open");
        assertTrue(dom.selectFirst(".pswp__caption").text().startsWith(SampleSite.CAPTION), dom.selectFirst(".pswp__caption").text());
        assertTrue(dom.select(".pswp script, .pswp__caption *:not(small)").isEmpty(), "the caption stays text");
        Element download = dom.selectFirst(".pswp__button--download");
        assertTrue(download.attr("href").contains("/media/") && download.attr("href").endsWith(".jpg"),
                "the largest rendition: " + download.attr("href"));
        assertEquals("IMG_0002.jpg", download.attr("download"), "saved under the original's name");
    }

    @Test
    void pagesLoadUnderTheStrictPolicyAndLookRightOnDesktopAndPhone() throws IOException {
        for (Map.Entry<String, String> page : Map.of("home", SitePaths.HOME, "album", SitePaths.albumPageKey(SampleSite.ALBUM),
                "viewer", SitePaths.albumPageKey(SampleSite.ALBUM) + "#photo=IMG_0004.jpg",
                "video", SitePaths.albumPageKey(SampleSite.ALBUM) + "#photo=" + SitePaths.encodeSegment(SampleSite.VIDEO)).entrySet()) {
            for (int[] size : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
                String key = page.getValue();
                String address = key.contains("#") ? url(key.substring(0, key.indexOf('#'))) + key.substring(key.indexOf('#')) : url(key);
                Path png = SCREENSHOTS.resolve(page.getKey() + "-" + size[0] + ".png");
                Files.deleteIfExists(png);
                assertNoRefusals(Chromium.screenshot(address, png, size[0], size[1]));
                assertTrue(Files.size(png) > 10_000, png + " was written");
            }
        }
    }

    /** Tiles grouped into rows by their top edge, measured with every image blocked. */
    private static final String ROWS = """
            (() => {
              const grid = document.getElementById('photos').getBoundingClientRect();
              const rows = new Map();
              for (const tile of document.querySelectorAll('#photos a.tile')) {
                const box = tile.getBoundingClientRect();
                const top = Math.round(box.top);
                if (!rows.has(top)) rows.set(top, []);
                rows.get(top).push({ left: box.left, right: box.right, height: box.height });
              }
              return { left: grid.left, right: grid.right, rows: [...rows.values()] };
            })()""";

    @Test
    void theGridFillsEveryRowEdgeToEdgeWithEqualHeightsBeforeAnyImageLoads() throws Exception {
        for (int width : new int[] {1280, 390}) {
            try (DevTools browser = DevTools.launch(width, 900)) {
                browser.call("Network.enable", Map.of());
                browser.call("Network.setBlockedURLs", Map.of("urls", List.of("*.jpg")));
                browser.navigate(url(SitePaths.albumPageKey(SampleSite.ALBUM)));
                browser.await("document.readyState === 'complete'", java.time.Duration.ofSeconds(20));
                var layout = browser.evaluate(ROWS);
                var rows = layout.get("rows");
                assertTrue(rows.size() >= 2, width + ": " + layout);
                for (int row = 0; row < rows.size() - 1; row++) {
                    var tiles = rows.get(row);
                    double height = tiles.get(0).get("height").asDouble();
                    assertTrue(height > 50, width + ": row " + row + " has height before images: " + layout);
                    for (var tile : tiles) {
                        assertEquals(height, tile.get("height").asDouble(), 1.0, width + ": row " + row + " " + layout);
                    }
                    assertEquals(layout.get("left").asDouble(), tiles.get(0).get("left").asDouble(), 1.0, width + ": " + layout);
                    assertEquals(layout.get("right").asDouble(), tiles.get(tiles.size() - 1).get("right").asDouble(), 1.0,
                            width + ": row " + row + " ends at the edge " + layout);
                }
            }
        }
    }

    @Test
    void eachOpenPhotoHasItsOwnUrlAndTheBackButtonClosesTheViewer() throws Exception {
        java.time.Duration wait = java.time.Duration.ofSeconds(20);
        String album = url(SitePaths.albumPageKey(SampleSite.ALBUM));
        try (DevTools browser = DevTools.launch(1280, 900)) {
            browser.navigate(album);
            browser.await("document.getElementById('photos').dataset.viewer === 'ready'", wait);
            String second = browser.evaluate("document.querySelectorAll('#photos a.tile')[1].dataset.photoId").asText();
            String third = browser.evaluate("document.querySelectorAll('#photos a.tile')[2].dataset.photoId").asText();
            browser.evaluate("document.querySelectorAll('#photos a.tile')[1].click()");
            browser.await("document.querySelector('.pswp--open') && location.hash === '#photo=" + second + "'", wait);
            Thread.sleep(1000); // the viewer takes keys once its opening animation has ended
            browser.await("document.querySelectorAll('.pswp__item .pswp__img').length === 3", wait); // neighbours preloaded
            browser.pressKey("ArrowRight");
            browser.await("location.hash === '#photo=" + third + "'", wait);
            browser.evaluate("history.back()");
            browser.await("!document.querySelector('.pswp') && location.hash === ''", wait);
            assertEquals(album, browser.evaluate("location.href").asText());

            browser.evaluate("document.querySelectorAll('#photos a.tile')[0].click()");
            browser.await("document.querySelector('.pswp--open')", wait);
            Thread.sleep(1000);
            browser.pressKey("Escape");
            browser.await("!document.querySelector('.pswp') && location.hash === ''", wait);

            browser.navigate(album + "#photo=" + third);
            browser.await("document.querySelector('.pswp--open') && location.hash === '#photo=" + third + "'", wait);
            browser.evaluate("history.back()"); // at once, while the viewer may still be opening
            browser.await("!document.querySelector('.pswp') && location.href === '" + album + "'", wait);
        }
    }

    /** The current slide's player, its state and its attributes. */
    private static final String VIDEO = "document.querySelector('.pswp__item[aria-hidden=false] video')";

    @Test
    void aVideoPlaysInTheViewerWithItsOwnUrlAndStopsWhenTheViewerMovesOnOnDesktopAndPhone() throws Exception {
        java.time.Duration wait = java.time.Duration.ofSeconds(20);
        String album = url(SitePaths.albumPageKey(SampleSite.ALBUM));
        String id = SitePaths.encodeSegment(SampleSite.VIDEO);
        String tile = "document.querySelector('#photos a.tile[data-photo-id=\"" + id + "\"]')";
        for (boolean phone : new boolean[] {false, true}) {
            try (DevTools browser = DevTools.launch(phone ? 390 : 1280, phone ? 844 : 900)) {
                if (phone) {
                    browser.emulatePhone(390, 844);
                }
                browser.navigate(album);
                browser.await("document.getElementById('photos').dataset.viewer === 'ready'", wait);
                assertEquals("Video, 0:20", browser.evaluate(tile + ".querySelector('.tile-video').textContent").asText());
                var badge = browser.evaluate("(() => { " + tile + ".scrollIntoView({ block: 'center' });"
                        + " const badge = " + tile + ".querySelector('.tile-video').getBoundingClientRect();"
                        + " const box = " + tile + ".getBoundingClientRect();"
                        + " return { inside: badge.top >= box.top && badge.right <= box.right && badge.width > 20,"
                        + " x: box.left + box.width / 2, y: box.top + box.height / 2 }; })()");
                assertTrue(badge.get("inside").asBoolean(), "the badge shows on the tile: " + badge);
                press(browser, phone, badge.get("x").asDouble(), badge.get("y").asDouble());
                browser.await("document.querySelector('.pswp--open') && location.hash === '#photo=" + id + "'", wait);
                browser.await(VIDEO + ".readyState >= 1", wait);
                Thread.sleep(1000); // the opening animation
                assertEquals("true true metadata video/mp4 true", browser.evaluate("[" + VIDEO + ".controls, "
                        + VIDEO + ".playsInline, " + VIDEO + ".preload, " + VIDEO + ".querySelector('source').type, "
                        + VIDEO + ".poster.endsWith('.jpg')].join(' ')").asText());
                assertTrue(browser.evaluate(VIDEO + ".paused").asBoolean(), "a video waits to be played");

                var middle = browser.evaluate("(() => { const box = " + VIDEO + ".getBoundingClientRect();"
                        + " return { x: box.left + box.width / 2, y: box.top + box.height / 2 }; })()");
                press(browser, phone, middle.get("x").asDouble(), middle.get("y").asDouble());
                if (phone) {
                    // A tap shows a phone's controls; its play button plays.
                    browser.await("document.querySelector('.pswp--open') && " + VIDEO + ".paused", wait);
                    double[] play = browser.mediaControl("-webkit-media-controls-play-button", wait);
                    browser.tap(play[0], play[1]);
                }
                browser.await("!" + VIDEO + ".paused && " + VIDEO + ".currentTime > 0.5", wait);
                assertTrue(browser.evaluate("document.querySelector('.pswp--open') !== null").asBoolean(), "a press plays, not closes");
                // Along the timeline a finger or the mouse seeks; it does not take the viewer to the previous photo.
                var box = browser.evaluate("(() => { const box = " + VIDEO + ".getBoundingClientRect();"
                        + " return { left: box.left, width: box.width }; })()");
                double[] timeline = browser.mediaControl("-webkit-media-controls-timeline", wait);
                double from = box.get("left").asDouble() + box.get("width").asDouble() * 0.1;
                double to = box.get("left").asDouble() + box.get("width").asDouble() * 0.5;
                if (phone) {
                    browser.swipe(from, to, timeline[1]);
                } else {
                    browser.drag(from, to, timeline[1]);
                }
                browser.await(VIDEO + ".currentTime > 6", wait);
                assertEquals("#photo=" + id, browser.evaluate("location.hash").asText());
                // The controls keep the keys while they have the focus, as after this click; the viewer takes it back.
                double[] mute = browser.mediaControl("-webkit-media-controls-mute-button", wait);
                press(browser, phone, mute[0], mute[1]);
                browser.await(VIDEO + ".muted", wait);

                String next = browser.evaluate("document.querySelectorAll('#photos a.tile')[[...document.querySelectorAll"
                        + "('#photos a.tile')].indexOf(" + tile + ") + 1].dataset.photoId").asText();
                if (phone) {
                    browser.swipe(340, 40, middle.get("y").asDouble());
                } else {
                    browser.pressKey("ArrowRight");
                }
                browser.await("location.hash === '#photo=" + next + "'", wait);
                var left = browser.evaluate("(() => { const video = document.querySelector('.pswp video');"
                        + " return { paused: video.paused, ended: video.ended, time: video.currentTime }; })()");
                assertTrue(left.get("paused").asBoolean() && !left.get("ended").asBoolean(), "the video stops when left: " + left);
            }
        }
    }

    @Test
    void aLivePhotoShowsOnceAndPlaysItsMotionOnRequest() throws Exception {
        java.time.Duration wait = java.time.Duration.ofSeconds(20);
        String album = url(SitePaths.albumPageKey(SampleSite.ALBUM));
        try (DevTools browser = DevTools.launch(1280, 900)) {
            browser.navigate(album);
            browser.await("document.getElementById('photos').dataset.viewer === 'ready'", wait);
            String ids = "[...document.querySelectorAll('#photos a.tile')].map(tile => tile.dataset.photoId)";
            assertTrue(browser.evaluate(ids + ".includes('" + SampleSite.LIVE_PHOTO + "')").asBoolean());
            assertFalse(browser.evaluate(ids + ".includes('" + SampleSite.LIVE_PHOTO_MOTION + "')").asBoolean(),
                    "the motion is no tile of its own");

            browser.navigate(album + "#photo=" + SampleSite.LIVE_PHOTO);
            browser.await("document.querySelector('.pswp--open') && location.hash === '#photo=" + SampleSite.LIVE_PHOTO + "'", wait);
            Thread.sleep(1000); // the opening animation
            String live = "document.querySelector('.pswp__button--live')";
            var button = browser.evaluate("(() => { const box = " + live + ".getBoundingClientRect();"
                    + " return { x: box.left + box.width / 2, y: box.top + box.height / 2, width: box.width }; })()");
            assertTrue(button.get("width").asDouble() > 0, "a Live Photo offers its motion");
            browser.click(button.get("x").asDouble(), button.get("y").asDouble());
            String motion = "document.querySelector('.pswp__motion')";
            browser.await(motion + " && !" + motion + ".paused && " + motion + ".currentTime > 0.3", wait);

            browser.pressKey("ArrowLeft");
            browser.await("location.hash !== '#photo=" + SampleSite.LIVE_PHOTO + "'", wait);
            browser.await("!" + motion, wait);
            assertEquals(0, browser.evaluate(live + ".getBoundingClientRect().width").asDouble(), "a plain photo has no motion");
        }
    }

    /** A click on a desktop, a tap on a phone. */
    private static void press(DevTools browser, boolean phone, double x, double y) {
        if (phone) {
            browser.tap(x, y);
        } else {
            browser.click(x, y);
        }
    }

    private static void assertNoRefusals(Chromium.Run run) {
        assertFalse(run.stderr().contains("Refused to"), run.stderr());
        assertFalse(run.stderr().contains("Uncaught"), run.stderr());
    }
}
