package family.gallery.site.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * The site's scripts and stylesheets, each published under a name that carries its content hash
 * ({@code assets/gallery.1a2b3c4d5e.js}), so they can be cached forever and a new version is a new URL.
 */
public final class SiteAssets {

    /** Fingerprinted keys, relative to the site root, as the layout links them (not type-checked, hence {@link TemplateData}). */
    @TemplateData
    public record Urls(String css, String gridCss, String viewerCss, String script, String lightboxModule,
            String viewerModule) {
    }

    private final List<SiteFile> files;
    private final Urls urls;

    private SiteAssets(SiteFile css, SiteFile gridCss, SiteFile viewerCss, SiteFile script, SiteFile lightbox,
            SiteFile viewer, SiteFile viewerLicense) {
        this.files = List.of(css, gridCss, viewerCss, script, lightbox, viewer, viewerLicense);
        this.urls = new Urls(css.key(), gridCss.key(), viewerCss.key(), script.key(), lightbox.key(), viewer.key());
    }

    /** Loads the assets packaged with the function. */
    public static SiteAssets load() {
        return new SiteAssets(
                fingerprinted("gallery.css", "text/css; charset=utf-8", resource("gallery.css")),
                fingerprinted("grid.css", "text/css; charset=utf-8",
                        AspectRatioClasses.stylesheet().getBytes(StandardCharsets.UTF_8)),
                fingerprinted("photoswipe.css", "text/css; charset=utf-8", resource("vendor/photoswipe.css")),
                fingerprinted("gallery.js", "text/javascript; charset=utf-8", resource("gallery.js")),
                fingerprinted("photoswipe-lightbox.esm.min.js", "text/javascript; charset=utf-8",
                        resource("vendor/photoswipe-lightbox.esm.min.js")),
                fingerprinted("photoswipe.esm.min.js", "text/javascript; charset=utf-8",
                        resource("vendor/photoswipe.esm.min.js")),
                fingerprinted("photoswipe-LICENSE.txt", "text/plain; charset=utf-8", resource("vendor/LICENSE")));
    }

    public List<SiteFile> files() {
        return files;
    }

    public Urls urls() {
        return urls;
    }

    private static SiteFile fingerprinted(String name, String contentType, byte[] body) {
        int dot = name.indexOf('.');
        String key = SitePaths.ASSETS + name.substring(0, dot) + "." + SiteFile.sha256(body).substring(0, 12)
                + name.substring(dot);
        return new SiteFile(key, body, contentType, true);
    }

    private static byte[] resource(String name) {
        String path = "site-assets/" + name;
        try (InputStream in = SiteAssets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the build: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
