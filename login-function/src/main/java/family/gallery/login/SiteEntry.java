package family.gallery.login;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.SiteAccess;
import family.gallery.accounts.ViewerAccount;

/**
 * What a visitor may open of the published site ({@link SiteAccess}): the prefixes to sign cookies
 * for, and the page to land on.
 *
 * @param prefixes e.g. {@code v/3f9c0a1e2b4d5c6e/}, {@code a/everyone/}, without a leading slash
 * @param home     an absolute path, e.g. {@code /v/3f9c0a1e2b4d5c6e/index.html}
 */
public record SiteEntry(List<String> prefixes, String home) {

    public static SiteEntry viewer(ViewerAccount account) {
        List<String> prefixes = SiteAccess.viewerPrefixes(account.groups());
        return new SiteEntry(prefixes, "/" + prefixes.get(0) + SiteAccess.HOME);
    }

    /** A guest lands on the shared album's page itself. */
    public static SiteEntry guest(ShareLinks.Share share) {
        String prefix = SiteAccess.sharePrefix(share.id());
        String album = Arrays.stream(share.album().split("/"))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        return new SiteEntry(List.of(prefix), "/" + prefix + "albums/" + album + "/" + SiteAccess.HOME);
    }

    /** Whether the cookies open this path (a page the visitor asked for before signing in). */
    public boolean opens(String path) {
        return prefixes.stream().anyMatch(prefix -> path.startsWith("/" + prefix));
    }

    /** The cookies' paths, as the page's script compares them with its own address. */
    public List<String> paths() {
        return prefixes.stream().map(prefix -> "/" + prefix).toList();
    }
}
