package family.gallery.resize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-addressed keys in the resized bucket: {@code media/<digest>/<width>x<height>.jpg} (and
 * {@code .mp4} for a video's web version), the
 * digest taken over the original's key and ETag and the rendering version. A new upload under the
 * same name gets new keys, so renditions never need invalidating; two albums holding the same file
 * get separate renditions, so deleting one never breaks the other.
 */
final class RenditionKeys {

    /** Bump when renditions of the same original should look different (sizes, quality, colour handling). */
    static final String RENDERING_VERSION = "1";
    static final String PREFIX = "media/";

    private RenditionKeys() {
    }

    static String folder(String sourceKey, String eTag) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((RENDERING_VERSION + "\n" + sourceKey + "\n" + eTag).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16) + "/";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String key(String folder, int width, int height, String extension) {
        return folder + width + "x" + height + "." + extension;
    }
}
