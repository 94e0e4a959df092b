package family.gallery.site.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One object of the published site.
 *
 * @param immutable a fingerprinted asset, cached for a year; pages are revalidated on every view
 */
public record SiteFile(String key, byte[] body, String contentType, boolean immutable) {

    public static SiteFile page(String key, String html) {
        return new SiteFile(key, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", false);
    }

    public String cacheControl() {
        return immutable ? "public, max-age=31536000, immutable" : "no-cache";
    }

    /** SHA-256 of the body, hex. */
    public String contentHash() {
        return sha256(body);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
