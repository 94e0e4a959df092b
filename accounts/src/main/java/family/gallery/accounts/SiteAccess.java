package family.gallery.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who may open which part of the published site: the layout the site builder publishes and the
 * login function signs cookies for. CloudFront signed cookies carry one policy each and a browser
 * sends a cookie only under its path, so every audience has a path prefix of its own, with one cookie
 * set per prefix a viewer may open; the prefixes never nest, so no request carries two sets.
 * <ul>
 * <li>{@code v/<view>/}: the pages a viewer sees (home and albums), one copy per combination of
 * groups, listing only what that combination may see;</li>
 * <li>{@code a/everyone/}, {@code a/<group>/}: the photos and videos of albums open to every viewer,
 * or to a group; an album open to two groups has its media under both;</li>
 * <li>{@code g/<share id>/}: a guest link's pages and media, for that album and nothing else.</li>
 * </ul>
 * {@code assets/} (styles and scripts, nothing private) is public.
 */
public final class SiteAccess {

    public static final String VIEWS = "v/";
    public static final String AUDIENCES = "a/";
    public static final String SHARES = "g/";
    public static final String EVERYONE = AUDIENCES + GroupName.EVERYONE + "/";
    public static final String HOME = "index.html";

    private SiteAccess() {
    }

    /** Where the pages of a viewer in these groups live, e.g. {@code v/3f9c0a1e2b4d5c6e/}. */
    public static String viewPrefix(Collection<GroupName> groups) {
        String canonical = new TreeSet<>(groups).stream().map(GroupName::value).collect(Collectors.joining(","));
        return VIEWS + sha256Hex("view:" + canonical).substring(0, 16) + "/";
    }

    /** Where the media of albums open to a group live. */
    public static String groupPrefix(GroupName group) {
        return AUDIENCES + group.value() + "/";
    }

    /** Where a guest link's pages and media live. */
    public static String sharePrefix(String shareId) {
        return SHARES + shareId + "/";
    }

    /** Every prefix a viewer in these groups may open: their pages, then everyone's media, then each group's. */
    public static List<String> viewerPrefixes(Collection<GroupName> groups) {
        List<String> prefixes = new ArrayList<>();
        prefixes.add(viewPrefix(groups));
        prefixes.add(EVERYONE);
        new TreeSet<>(groups).forEach(group -> prefixes.add(groupPrefix(group)));
        return prefixes;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
