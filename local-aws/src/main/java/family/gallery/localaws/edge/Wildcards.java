package family.gallery.localaws.edge;

import java.util.regex.Pattern;

/**
 * CloudFront's wildcards, as in cache behaviour path patterns and signed-policy resources:
 * {@code *} is any run of characters (slashes included, possibly none), {@code ?} exactly one,
 * everything else literal and case-sensitive.
 */
final class Wildcards {

    private Wildcards() {
    }

    static Pattern compile(String wildcard) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : wildcard.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** A cache behaviour's path pattern; its leading slash is optional, as in CloudFront. */
    static Pattern pathPattern(String pattern) {
        return compile(pattern.startsWith("/") ? pattern : "/" + pattern);
    }
}
