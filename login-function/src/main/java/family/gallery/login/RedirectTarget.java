package family.gallery.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the browser goes after signing in: only a path on this site. Anything that a browser could
 * read as another host ({@code //evil.example}, {@code /\evil.example}, a scheme, control characters
 * that browsers strip, or any of these percent-encoded) becomes {@code /}.
 */
public final class RedirectTarget {

    public static final String HOME = "/";
    private static final int MAX_LENGTH = 2048;

    private RedirectTarget() {
    }

    public static String sanitise(String requested) {
        if (requested == null || requested.isEmpty() || requested.length() > MAX_LENGTH) {
            return HOME;
        }
        if (!isLocalPath(requested, true) || !isLocalPath(decoded(requested), false)) {
            return HOME;
        }
        try {
            URI uri = new URI(requested);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return HOME;
            }
        } catch (URISyntaxException notAUri) {
            return HOME;
        }
        // Going back to the login page after logging in would only show the form again.
        return requested.equals("/login") || requested.startsWith("/login?") || requested.startsWith("/logout") ? HOME : requested;
    }

    /** @param raw whether this is the path as sent, where no blank belongs, or its decoded form */
    private static boolean isLocalPath(String path, boolean raw) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            // Backslashes count as slashes in browsers; tabs and newlines are dropped, so "/\t/x" is "//x".
            if (c == '\\' || Character.isISOControl(c) || (raw && (c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)))) {
                return false;
            }
        }
        return true;
    }

    private static String decoded(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
