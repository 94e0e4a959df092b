package family.gallery.preview.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, driven by Debian's ChromeDriver, the size of a desktop window or of a phone. */
final class Browser implements AutoCloseable {

    enum FormFactor {
        DESKTOP, PHONE
    }

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path AXE = Path.of("target", "frontend-test", "node_modules", "axe-core", "axe.min.js");

    final ChromeDriver driver;
    final FormFactor formFactor;
    private final Path profile;
    private int shots;

    private Browser(ChromeDriver driver, FormFactor formFactor, Path profile) {
        this.driver = driver;
        this.formFactor = formFactor;
        this.profile = profile;
    }

    static Browser open(FormFactor formFactor) throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // The machine's network is closed: Chromium's own background connections only fail slowly.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--hide-scrollbars", "--user-data-dir=" + profile);
        if (formFactor == FormFactor.PHONE) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/156.0.0.0 Mobile Safari/537.36"));
        } else {
            options.addArguments("--window-size=1280,900");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), formFactor, profile);
    }

    /** Waits until the script is true in the page. */
    void await(String condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(() -> condition + " at " + driver.getCurrentUrl())
                .until(page -> Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript("return !!(" + condition + ")")));
    }

    Object script(String expression) {
        return driver.executeScript("return " + expression);
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String expression) {
        return (List<String>) driver.executeScript("return " + expression);
    }

    /** Shows the page as in the system's light or dark setting ({@code prefers-color-scheme}). */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /**
     * What axe-core (from npm, in target/frontend-test) finds against WCAG 2.2 A and AA in the page
     * as shown: each violation with the elements it concerns; empty when there is none.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() throws IOException {
        driver.executeScript(Files.readString(AXE));
        return (List<String>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                  .then(result => done(result.violations.map(v => v.id + ' (' + v.help + '): '
                      + v.nodes.slice(0, 5).map(node => node.target.join(' ') + ' ' + node.failureSummary).join('; '))))
                  .catch(error => done(['axe failed: ' + error]));""");
    }

    /** Saves a screenshot as target/screenshots/e2e-FORM-NN-NAME.png and returns where. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(String.format("e2e-%s-%02d-%s.png",
                    formFactor.name().toLowerCase(java.util.Locale.ROOT), ++shots, name));
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
