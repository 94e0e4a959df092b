package family.gallery.site.stack;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import software.amazon.awssdk.services.s3.S3Client;

import family.gallery.site.render.SitePaths;

/**
 * What a viewer can see is whole: every link of every page reachable from a home page (each
 * audience's) leads to a published object, photos and videos included. (A page not yet linked from
 * anywhere may point up to a parent that is still coming; sign-out is the login function's.)
 */
public final class SiteIntegrity {

    private static final String SIGN_OUT = "logout";

    private SiteIntegrity() {
    }

    /** @return the broken links, as "page -> target" */
    public static List<String> brokenLinks(S3Client s3, String bucket) {
        Set<String> keys = new HashSet<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().forEach(o -> keys.add(o.key()));
        List<String> broken = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        Deque<String> reachable = new ArrayDeque<>();
        keys.stream().filter(key -> key.matches("[vg]/[^/]+/" + SitePaths.HOME)).forEach(reachable::add);
        while (!reachable.isEmpty()) {
            String key = reachable.poll();
            if (!visited.add(key)) {
                continue;
            }
            Document page = Jsoup.parse(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8));
            List<String> targets = new ArrayList<>();
            page.select("a[href]").forEach(a -> targets.add(a.attr("href")));
            page.select("link[href]").forEach(link -> targets.add(link.attr("href")));
            page.select("script[src]").forEach(script -> targets.add(script.attr("src")));
            Element body = page.body();
            targets.add(body.attr("data-lightbox-module"));
            targets.add(body.attr("data-viewer-module"));
            for (String href : targets) {
                String target = resolve(key, href);
                if (target.equals(SIGN_OUT)) {
                    continue;
                }
                if (!keys.contains(target)) {
                    broken.add(key + " -> " + target);
                } else if (target.endsWith(SitePaths.HOME)) {
                    reachable.add(target);
                }
            }
        }
        return broken;
    }

    /** The key S3 looks up for a link on the page published under {@code pageKey}. */
    public static String resolve(String pageKey, String href) {
        URI page = URI.create("https://gallery.example/" + SitePaths.encodePath(pageKey));
        return page.resolve(href).getPath().substring(1);
    }
}
