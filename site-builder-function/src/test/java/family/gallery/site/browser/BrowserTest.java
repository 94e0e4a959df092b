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

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * Back and Escape close; screenshots at desktop and phone widths land in target/screenshots.
 */
@QuarkusTest
class BrowserTest {

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript", "css", "text/css", "jpg", "image/jpeg", "txt", "text/plain");

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
            exchange.sendResponseHeaders(200, body.length);
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
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + SitePaths.encodePath(key);
    }

    @Test
    void aDeepLinkOpensTheViewerOnItsPhotoWithTheCaptionAsText() {
        Chromium.Run run = Chromium.dumpDom(url(SitePaths.albumPageKey(SampleSite.ALBUM)) + "#photo=IMG_0002.jpg", 1280, 900);
        assertNoRefusals(run);
        Document dom = Jsoup.parse(run.stdout());
        assertEquals(1, dom.select(".pswp").size(), "the viewer is open");
        assertTrue(dom.selectFirst(".pswp__caption").text().startsWith(SampleSite.CAPTION), dom.selectFirst(".pswp__caption").text());
        assertTrue(dom.select(".pswp script, .pswp__caption *:not(small)").isEmpty(), "the caption stays text");
        assertTrue(dom.selectFirst(".pswp__button--download").attr("href").endsWith("IMG_0002.jpg"));
    }

    @Test
    void pagesLoadUnderTheStrictPolicyAndLookRightOnDesktopAndPhone() throws IOException {
        for (Map.Entry<String, String> page : Map.of("home", SitePaths.HOME, "album", SitePaths.albumPageKey(SampleSite.ALBUM),
                "viewer", SitePaths.albumPageKey(SampleSite.ALBUM) + "#photo=IMG_0004.jpg").entrySet()) {
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

    private static void assertNoRefusals(Chromium.Run run) {
        assertFalse(run.stderr().contains("Refused to"), run.stderr());
        assertFalse(run.stderr().contains("Uncaught"), run.stderr());
    }
}
