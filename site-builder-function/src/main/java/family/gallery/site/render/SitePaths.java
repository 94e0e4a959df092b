package family.gallery.site.render;

import java.nio.charset.StandardCharsets;
import family.gallery.site.model.Photo;

/**
 * Where things live on the site. Pages are published under their raw (unencoded) album path, so a
 * link percent-encodes every path segment (a space, {@code +}, {@code #}, {@code ?}, unicode) and
 * S3 decodes it back to the same key. Links are relative to the page, so the site works under any
 * prefix and from a local folder.
 */
public final class SitePaths {

    public static final String HOME = "index.html";
    public static final String ALBUMS = "albums/";
    public static final String ASSETS = "assets/";
    private static final String PAGE = "/index.html";

    private SitePaths() {
    }

    /** The object key of an album's page, e.g. {@code albums/Été 2026/a+b/index.html}. */
    public static String albumPageKey(String albumPath) {
        return ALBUMS + albumPath + PAGE;
    }

    /** A link to an album's page from the site root, e.g. {@code albums/%C3%89t%C3%A9%202026/a%2Bb/index.html}. */
    public static String albumPageHref(String albumPath) {
        return ALBUMS + encodePath(albumPath) + PAGE;
    }

    /** The way from a page at {@code key} back to the site root: {@code ""}, {@code "../../"}... */
    public static String rootFrom(String key) {
        long depth = key.chars().filter(c -> c == '/').count();
        return "../".repeat((int) depth);
    }

    /**
     * Where a photo's original is published within a media prefix: beside its renditions (whose folder
     * names the original's key and ETag, so the copy is immutable) under its own file name.
     */
    public static String originalKey(Photo photo) {
        String rendition = photo.largest().key();
        return rendition.substring(0, rendition.lastIndexOf('/') + 1) + "original/" + photo.fileName();
    }

    /** Each segment as {@link #encodeSegment} encodes it, the slashes between them kept. */
    public static String encodePath(String path) {
        return encode(path, true);
    }

    /** RFC 3986: every byte outside the unreserved characters is percent-encoded. */
    public static String encodeSegment(String segment) {
        return encode(segment, false);
    }

    /** One pass, and the text itself when nothing needs encoding, as with every media key: pages hold many links. */
    private static String encode(String text, boolean keepSlashes) {
        int plain = 0;
        while (plain < text.length() && isUnreserved(text.charAt(plain), keepSlashes)) {
            plain++;
        }
        if (plain == text.length()) {
            return text;
        }
        StringBuilder encoded = new StringBuilder(text.length() + 16).append(text, 0, plain);
        for (byte b : text.substring(plain).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c, keepSlashes)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(char c, boolean orSlash) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || (orSlash && c == '/');
    }
}
