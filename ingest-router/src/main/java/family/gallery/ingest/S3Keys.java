package family.gallery.ingest;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Object keys as S3 event notifications carry them: URL-encoded, with {@code +} for a space. */
public final class S3Keys {

    private S3Keys() {
    }

    /** {@code albums/My+Trip/a%2Bb.jpg} becomes {@code albums/My Trip/a+b.jpg}. */
    public static String decode(String encodedKey) {
        try {
            return URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("object key is not valid URL encoding: " + encodedKey, e);
        }
    }

    /** The inverse of {@link #decode}, keeping {@code /} readable as S3 does. */
    public static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
