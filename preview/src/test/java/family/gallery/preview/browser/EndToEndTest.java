package family.gallery.preview.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.Select;

import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.SiteAccess;
import family.gallery.ingest.Routing;
import family.gallery.localaws.LocalAws;
import family.gallery.preview.Preview;
import family.gallery.preview.RunningPreview;

/**
 * A visitor's whole path through the running preview, in Chromium at desktop and at phone size:
 * the login page, a wrong password, the right one, the home page's covers, an album's justified
 * grid, the viewer moved by arrow key or swipe and closed by Back, a video played and swiped past,
 * and signing out; and a guest link opened on a phone.
 */
@ExtendWith(RunningPreview.class)
class EndToEndTest {

    private static final String ALBUM = "Summer by the sea";

    /** Covers in view that have not loaded (none, once the page is ready). */
    private static final String UNLOADED_COVERS_IN_VIEW = """
            [...document.querySelectorAll('.album-tile img')]
              .filter(img => img.getBoundingClientRect().top < innerHeight)
              .filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.currentSrc || img.src)""";

    /** Rows of the grid (tiles grouped by their top edge) that do not span it edge to edge at one height; the last row may end short. */
    private static final String UNJUSTIFIED_ROWS = """
            (() => {
              const grid = document.getElementById('photos').getBoundingClientRect();
              const byTop = {};
              for (const box of [...document.querySelectorAll('#photos a.tile')].map(tile => tile.getBoundingClientRect())) {
                (byTop[Math.round(box.top)] ||= []).push(box);
              }
              const rows = Object.keys(byTop).map(Number).sort((a, b) => a - b).map(top => byTop[top]);
              return rows.slice(0, -1).filter(row =>
                  Math.abs(row[0].left - grid.left) > 1 || Math.abs(row[row.length - 1].right - grid.right) > 1
                  || row.some(box => Math.abs(box.height - row[0].height) > 1))
                .map(row => row.map(box => Math.round(box.left) + '-' + Math.round(box.right) + 'x' + Math.round(box.height)).join(' '))
                .concat(rows.length < 2 ? ['only ' + rows.length + ' row'] : []);
            })()""";

    @ParameterizedTest
    @EnumSource(Browser.FormFactor.class)
    void aViewerSignsInBrowsesAnAlbumFlipsThroughPhotosAndSignsOut(Browser.FormFactor formFactor, Preview preview) throws Exception {
        RunningPreview.awaitSettled(preview);
        String site = preview.siteUrl().toString();
        try (Browser browser = Browser.open(formFactor)) {
            browser.driver.get(site + "/");
            browser.await("document.getElementById('login-form')");
            browser.screenshot("login");
            accessibleInBothSchemes(browser, "login page");

            signIn(browser, preview.viewer().name(), "not-the-password");
            browser.await("!document.getElementById('login-message').hidden");
            String error = browser.driver.findElement(By.id("login-message")).getText();
            assertTrue(error.length() > 10, "the wrong password is explained: " + error);
            browser.screenshot("wrong-password");

            signIn(browser, preview.viewer().name(), preview.viewer().password());
            browser.await("document.querySelector('.album-tiles') && document.readyState === 'complete'");
            browser.await(UNLOADED_COVERS_IN_VIEW + ".length === 0");
            List<String> albums = browser.strings("[...document.querySelectorAll('.album-title')].map(t => t.textContent)");
            assertTrue(albums.contains(ALBUM) && albums.contains("Garden"), albums.toString());
            browser.screenshot("home");
            accessibleInBothSchemes(browser, "home page");

            browser.driver.findElement(By.xpath("//a[.//span[@class='album-title' and text()='" + ALBUM + "']]")).click();
            browser.await("document.getElementById('photos') && document.getElementById('photos').dataset.viewer === 'ready'");
            assertEquals(List.of(), browser.strings(UNJUSTIFIED_ROWS), "every full row spans the grid at one height");
            String albumUrl = browser.driver.getCurrentUrl();
            browser.screenshot("album");
            accessibleInBothSchemes(browser, "album page");
            browser.colorScheme("dark");
            browser.screenshot("album-dark");
            browser.colorScheme("light");

            List<String> ids = browser.strings("[...document.querySelectorAll('#photos a.tile')].map(t => t.dataset.photoId)");
            List<WebElement> tiles = browser.driver.findElements(By.cssSelector("#photos a.tile"));
            tiles.get(1).click();
            browser.await("document.querySelector('.pswp--open') && location.hash === '#photo=' + "
                    + quoted(ids.get(1)));
            Thread.sleep(1000); // the viewer takes keys and swipes once its opening animation has ended
            browser.await("document.querySelector('.pswp__img') && document.querySelector('.pswp__img').complete");
            browser.screenshot("viewer");
            accessibleInBothSchemes(browser, "viewer");

            if (formFactor == Browser.FormFactor.PHONE) {
                swipeLeft(browser);
            } else {
                new Actions(browser.driver).sendKeys(Keys.ARROW_RIGHT).perform();
            }
            browser.await("location.hash === '#photo=' + " + quoted(ids.get(2)));
            Thread.sleep(500);
            browser.screenshot("next-photo");

            slideshowMovesOnAndStops(browser, formFactor, ids.get(2));
            theDownloadButtonSavesWhatIsShownUnderTheOriginalsName(browser);

            browser.driver.navigate().back();
            browser.await("!document.querySelector('.pswp') && location.hash === ''");
            assertEquals(albumUrl, browser.driver.getCurrentUrl());

            playTheVideoAndMoveOn(browser, formFactor);
            browser.driver.navigate().back();
            browser.await("!document.querySelector('.pswp') && location.hash === ''");

            theGardenSortsByNameAndShowsThePhotosDetails(browser, formFactor, site, preview);

            browser.driver.findElement(By.cssSelector(".sign-out")).click();
            browser.await("document.getElementById('sign-out-form')");
            browser.driver.findElement(By.cssSelector("#sign-out-form button[type=submit]")).click();
            browser.await("document.getElementById('login-form') && !document.getElementById('login-form').hidden");
            browser.driver.get(site + "/");
            browser.await("document.getElementById('login-form') && !document.getElementById('login-form').hidden");
            assertTrue(browser.driver.findElements(By.cssSelector(".album-tiles")).isEmpty(), "signed out, the albums are gone");
        }
    }

    /**
     * A great-aunt without an account: the guest link for the garden album, opened on a phone, shows
     * that album and nothing else; its home page lists that album alone.
     */
    @Test
    void aGuestLinkOpensOneAlbumOnAPhone(Preview preview) throws Exception {
        RunningPreview.awaitSettled(preview);
        LocalAws stack = preview.stack();
        ShareLinks.NewShare link = new ShareLinks(stack.dynamoDb(), stack.tableName("AccountsTable"), Clock.systemUTC())
                .create("Garden", Duration.ofDays(14), false);
        stack.sqs().sendMessage(r -> r.queueUrl(stack.queueUrl("RebuildQueue")).messageBody(Routing.CATALOG_CHANGED));
        String guestHome = SiteAccess.sharePrefix(link.share().id()) + SiteAccess.HOME;
        Instant deadline = Instant.now().plus(RunningPreview.SETTLE_TIMEOUT);
        while (stack.s3().listObjectsV2(r -> r.bucket(stack.bucketName("WebBucket")).prefix(guestHome)).keyCount() == 0) {
            assertTrue(Instant.now().isBefore(deadline), "the guest link's pages were not published");
            Thread.sleep(500);
        }
        try (Browser browser = Browser.open(Browser.FormFactor.PHONE)) {
            browser.driver.get(preview.siteUrl() + "/login/share/" + link.token());
            browser.await("document.getElementById('photos') && document.getElementById('photos').dataset.viewer === 'ready'");
            assertEquals("Garden", browser.script("document.querySelector('h1').textContent.trim()"));
            assertTrue(browser.driver.getCurrentUrl().contains("/" + SiteAccess.sharePrefix(link.share().id())),
                    browser.driver.getCurrentUrl());
            browser.await("[...document.querySelectorAll('#photos a.tile img')].filter(img => img.getBoundingClientRect().top < innerHeight)"
                    + ".every(img => img.complete && img.naturalWidth > 0)");
            browser.screenshot("guest-album");
            browser.driver.findElement(By.cssSelector(".site-title")).click();
            browser.await("document.querySelector('.album-tiles') && document.readyState === 'complete'");
            assertEquals(List.of("Garden"),
                    browser.strings("[...document.querySelectorAll('.album-title')].map(t => t.textContent.trim())"),
                    "the guest's home lists the shared album alone");
            browser.driver.get(preview.siteUrl() + "/");
            browser.await("document.getElementById('photos') && document.querySelector('h1').textContent.trim() === 'Garden'");
            assertTrue(browser.driver.getCurrentUrl().contains("/" + SiteAccess.sharePrefix(link.share().id())),
                    "the site's address takes the guest back to the shared album: " + browser.driver.getCurrentUrl());
        }
    }

    /**
     * The sample album's phone clip (HEVC, converted by the pipeline): its tile shows a badge with its
     * running time; it opens with its own link, plays in the browser's player, and a swipe or an arrow
     * moves on and pauses it.
     */
    /**
     * The slideshow, started by S or by its button on a phone, moves on by itself (at a second here,
     * set by the page) and stops at the next key or swipe; ? shows the keys.
     */
    private static void slideshowMovesOnAndStops(Browser browser, Browser.FormFactor formFactor, String current) throws Exception {
        String button = "document.querySelector('.pswp__button--slideshow')";
        browser.script("document.body.dataset.slideshowSeconds = '1'");
        assertEquals("false", browser.strings("[" + button + ".getAttribute('aria-pressed')]").get(0));
        if (formFactor == Browser.FormFactor.PHONE) {
            browser.driver.findElement(By.cssSelector(".pswp__button--slideshow")).click();
        } else {
            new Actions(browser.driver).sendKeys("s").perform();
        }
        browser.await(button + ".getAttribute('aria-pressed') === 'true'");
        browser.await("location.hash !== '#photo=' + " + quoted(current));
        String moved = browser.strings("[location.hash]").get(0);
        browser.await("location.hash !== " + quoted(moved));
        browser.screenshot("slideshow");

        if (formFactor == Browser.FormFactor.PHONE) {
            swipeLeft(browser);
        } else {
            new Actions(browser.driver).sendKeys("s").perform();
        }
        browser.await(button + ".getAttribute('aria-pressed') === 'false'");
        Thread.sleep(500); // a swipe's own move ends
        String stoppedAt = browser.strings("[location.hash]").get(0);
        Thread.sleep(2500);
        assertEquals(stoppedAt, browser.strings("[location.hash]").get(0), "a stopped slideshow stays on its photo");

        if (formFactor == Browser.FormFactor.DESKTOP) {
            new Actions(browser.driver).sendKeys("?").perform();
            browser.await("document.querySelectorAll('.pswp__help dt').length === 7");
            browser.screenshot("viewer-keys");
            accessibleInBothSchemes(browser, "viewer's key list");
            new Actions(browser.driver).sendKeys("?").perform();
            browser.await("!document.querySelector('.pswp__help')");
        }
    }

    /**
     * The garden album, in date order, can be sorted by name (remembered when the page is opened
     * again); its tulips, whose EXIF and XMP exiftool wrote, show their own caption and, on I or the
     * info button, the camera's details.
     */
    private static void theGardenSortsByNameAndShowsThePhotosDetails(Browser browser, Browser.FormFactor formFactor,
            String site, Preview preview) throws Exception {
        browser.driver.get(site + "/");
        browser.await("document.querySelector('.album-tiles') && document.readyState === 'complete'");
        browser.driver.findElement(By.xpath("//a[.//span[@class='album-title' and text()='Garden']]")).click();
        browser.await("document.getElementById('photos') && document.getElementById('photos').dataset.viewer === 'ready'");
        String names = "[...document.querySelectorAll('#photos a.tile')].map(t => decodeURIComponent(t.dataset.photoId))";
        assertEquals("Tulips.jpg", browser.strings(names).get(0), "the only photo with a camera's date comes first");
        new Select(browser.driver.findElement(By.id("photo-order"))).selectByValue("name");
        List<String> byName = List.of("Apple tree.jpg", "Bench.jpg", "Pond.jpg", "Tulips.jpg");
        assertEquals(byName, browser.strings(names));
        browser.driver.navigate().refresh();
        browser.await("document.getElementById('photos') && document.getElementById('photos').dataset.viewer === 'ready'");
        assertEquals(byName, browser.strings(names), "the chosen order is remembered");

        browser.driver.findElement(By.cssSelector("#photos a.tile[data-photo-id='Tulips.jpg']")).click();
        browser.await("document.querySelector('.pswp--open') && location.hash === '#photo=Tulips.jpg'");
        Thread.sleep(1000); // the opening animation
        assertEquals("Tulips in the morning light", browser.strings(
                "[document.querySelector('.pswp__caption').firstChild.textContent]").get(0), "the photo's own caption");
        if (formFactor == Browser.FormFactor.PHONE) {
            browser.driver.findElement(By.cssSelector(".pswp__button--info")).click();
        } else {
            new Actions(browser.driver).sendKeys("i").perform();
        }
        browser.await("document.querySelector('.pswp__info dl')");
        List<String> rows = browser.strings("[...document.querySelectorAll('.pswp__info dt')]"
                + ".map(term => term.textContent + ': ' + term.nextElementSibling.textContent)");
        assertEquals(List.of("Camera: FUJIFILM X-T5", "Lens: XF35mmF1.4 R", "Focal length: 35 mm", "Aperture: f/2.8",
                "Shutter: 1/500 s", "ISO: 160", "Size: 2000 \u00d7 1500 (3.0 MP)", "File: Tulips.jpg"), rows.subList(1, rows.size()));
        assertTrue(rows.get(0).startsWith("Taken: ") && rows.get(0).contains("2026") && rows.get(0).endsWith("(UTC+02:00)"),
                rows.get(0));
        assertEquals("true", browser.strings("[document.querySelector('.pswp__button--info').getAttribute('aria-expanded')]").get(0));
        browser.screenshot("viewer-info");
        accessibleInBothSchemes(browser, "viewer with the photo's details");
        browser.driver.findElement(By.cssSelector(".pswp__button--info")).click();
        browser.await("!document.querySelector('.pswp__info')");
        theOriginalIsTheUpload(browser, preview, "albums/Garden/Tulips.jpg");
        browser.driver.navigate().back();
        browser.await("!document.querySelector('.pswp') && location.hash === ''");
        theAlbumZipHoldsTheOriginals(browser, preview, byName);
        new Select(browser.driver.findElement(By.id("photo-order"))).selectByValue("taken-at");
    }

    /**
     * The garden offers its originals (the preview allows them, its album.yml asks for them): the
     * ORIGINAL button saves the very bytes uploaded, under the original's name.
     */
    private static void theOriginalIsTheUpload(Browser browser, Preview preview, String sourceKey) throws Exception {
        String button = "document.querySelector('.pswp__button--original')";
        assertEquals(sourceKey.substring(sourceKey.lastIndexOf('/') + 1),
                browser.strings("[" + button + ".getAttribute('download')]").get(0));
        List<String> fetched = browser.strings("(() => { const x = new XMLHttpRequest(); x.open('GET', " + button
                + ".href, false); x.overrideMimeType('text/plain; charset=x-user-defined'); x.send();"
                + " let hex = ''; for (let i = 0; i < x.responseText.length; i++) {"
                + " hex += (x.responseText.charCodeAt(i) & 0xff).toString(16).padStart(2, '0'); }"
                + " return [String(x.status), x.getResponseHeader('Content-Disposition') || '', hex]; })()");
        LocalAws stack = preview.stack();
        byte[] uploaded = stack.s3().getObjectAsBytes(r -> r.bucket(stack.bucketName("SourceBucket")).key(sourceKey))
                .asByteArray();
        assertEquals("200", fetched.get(0));
        assertTrue(fetched.get(1).startsWith("attachment; filename=\"Tulips.jpg\""), fetched.get(1));
        assertEquals(java.util.HexFormat.of().formatHex(uploaded), fetched.get(2), "the original's bytes, location and all");
    }

    /**
     * "Download originals" has the album made into a ZIP (the page shows its progress, then starts
     * the download); the ZIP holds every photo under its own name, the tulips byte for byte as
     * uploaded. The second form factor finds the ZIP already made.
     */
    private static void theAlbumZipHoldsTheOriginals(Browser browser, Preview preview, List<String> names) throws Exception {
        browser.driver.findElement(By.xpath("//button[@class='album-zip' and text()='Download originals']")).click();
        String status = "document.querySelector('.album-zip-status').textContent";
        browser.await("!document.querySelector('.album-zip').disabled && " + status + " !== ''");
        String said = browser.strings("[" + status + "]").get(0);
        assertTrue(said.startsWith("The ZIP is ready"), said);
        List<String> fetched = browser.strings("(() => { const zip = new XMLHttpRequest();"
                + " zip.open('GET', document.querySelector('.album-zip-link').href, false);"
                + " zip.overrideMimeType('text/plain; charset=x-user-defined'); zip.send();"
                + " let hex = ''; for (let i = 0; i < zip.responseText.length; i++) {"
                + " hex += (zip.responseText.charCodeAt(i) & 0xff).toString(16).padStart(2, '0'); }"
                + " return [String(zip.status), zip.getResponseHeader('Content-Disposition') || '', hex]; })()");
        assertEquals("200", fetched.get(0));
        assertTrue(fetched.get(1).startsWith("attachment; filename=\"Garden (originals).zip\""), fetched.get(1));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(HexFormat.of().parseHex(fetched.get(2))))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertEquals(new TreeSet<>(names), new TreeSet<>(entries.keySet()));
        LocalAws stack = preview.stack();
        assertEquals(HexFormat.of().formatHex(stack.s3().getObjectAsBytes(r -> r.bucket(stack.bucketName("SourceBucket"))
                .key("albums/Garden/Tulips.jpg")).asByteArray()), HexFormat.of().formatHex(entries.get("Tulips.jpg")));
    }

    /** axe-core finds nothing against WCAG 2.2 AA in the page, in the light and in the dark colour scheme. */
    private static void accessibleInBothSchemes(Browser browser, String page) throws Exception {
        for (String scheme : List.of("dark", "light")) {
            browser.colorScheme(scheme);
            assertEquals(List.of(), browser.accessibilityViolations(), page + " in the " + scheme + " scheme");
        }
    }

    /** The download button of the photo on show: its largest rendition (or a video's web version), named as the original. */
    private static void theDownloadButtonSavesWhatIsShownUnderTheOriginalsName(Browser browser) {
        String id = browser.strings("[decodeURIComponent(location.hash.substring('#photo='.length))]").get(0);
        boolean video = id.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(mov|mp4|m4v)");
        String expected = id.replaceFirst("\\.[^.]+$", "") + (video ? ".mp4" : ".jpg");
        String button = "document.querySelector('.pswp__button--download')";
        assertEquals(expected, browser.strings("[" + button + ".getAttribute('download')]").get(0));
        // What the browser saves: fetched as the button would, under the visitor's cookies.
        String fetched = browser.strings("[(() => { const x = new XMLHttpRequest(); x.open('GET', " + button
                + ".href, false); x.send(); return x.status + ' ' + x.getResponseHeader('Content-Type'); })()]").get(0);
        assertEquals("200 " + (video ? "video/mp4" : "image/jpeg"), fetched, id);
    }

    private static void playTheVideoAndMoveOn(Browser browser, Browser.FormFactor formFactor) throws Exception {
        String videoTile = "document.querySelector('#photos a.tile[data-pswp-type=video]')";
        String badge = (String) browser.script(videoTile + ".querySelector('.tile-video').textContent");
        assertTrue(badge.matches(".*\\b0:0[34]$"), "a play badge with the running time: " + badge);
        String id = (String) browser.script(videoTile + ".dataset.photoId");
        browser.driver.findElement(By.cssSelector("#photos a.tile[data-pswp-type=video]")).click();
        browser.await("document.querySelector('.pswp--open') && location.hash === '#photo=' + " + quoted(id));
        Thread.sleep(1000); // the opening animation
        browser.await("document.querySelector('.pswp__video') && document.querySelector('.pswp__video').readyState >= 1");
        browser.script("document.querySelector('.pswp__video').play()");
        browser.await("document.querySelector('.pswp__video').currentTime > 0.5");
        browser.screenshot("video");

        if (formFactor == Browser.FormFactor.PHONE) {
            swipeLeft(browser);
        } else {
            new Actions(browser.driver).sendKeys(Keys.ARROW_RIGHT).perform();
        }
        browser.await("location.hash !== '#photo=' + " + quoted(id));
        browser.await("[...document.querySelectorAll('.pswp__video')].every(video => video.paused)");
    }

    private static void signIn(Browser browser, String user, String password) {
        WebElement name = browser.driver.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.driver.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    /** A finger drawn from right to left across the middle of the screen, in small steps as a real one moves. */
    private static void swipeLeft(Browser browser) {
        long width = (Long) browser.script("innerWidth");
        int middle = (int) (long) (Long) browser.script("Math.round(innerHeight / 2)");
        int from = (int) (width * 0.8);
        int to = (int) (width * 0.15);
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence swipe = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), from, middle))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        int steps = 10;
        for (int step = 1; step <= steps; step++) {
            swipe.addAction(finger.createPointerMove(Duration.ofMillis(25), PointerInput.Origin.viewport(),
                    from + (to - from) * step / steps, middle));
        }
        swipe.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        browser.driver.perform(List.of(swipe));
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
