package family.gallery.site.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, one process per page. */
final class Chromium {

    static final String BINARY = "/usr/bin/chromium";

    /** What the browser printed and, for a DOM dump, the page after its scripts ran. */
    record Run(String stdout, String stderr) {
    }

    private Chromium() {
    }

    static Run screenshot(String url, Path png, int width, int height) {
        return run(url, width, height, "--screenshot=" + png.toAbsolutePath());
    }

    static Run dumpDom(String url, int width, int height) {
        return run(url, width, height, "--dump-dom");
    }

    private static Run run(String url, int width, int height, String action) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            Path out = Files.createTempFile("chromium", ".out");
            Path err = Files.createTempFile("chromium", ".err");
            List<String> command = new ArrayList<>(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--hide-scrollbars", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height, "--virtual-time-budget=5000", action, url));
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish for " + url);
            }
            return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + BINARY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
