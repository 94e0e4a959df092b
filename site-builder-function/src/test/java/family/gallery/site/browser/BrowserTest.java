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
 * style is refused, a deep link opens the viewer on its photo with the caption as text, and
 * screenshots at desktop and phone widths land in target/screenshots for a look.
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
        assertEquals(3, dom.select(".pswp__item .pswp__img").size(), "the photo and both neighbours are loaded");
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

    private static void assertNoRefusals(Chromium.Run run) {
        assertFalse(run.stderr().contains("Refused to"), run.stderr());
        assertFalse(run.stderr().contains("Uncaught"), run.stderr());
    }
}
