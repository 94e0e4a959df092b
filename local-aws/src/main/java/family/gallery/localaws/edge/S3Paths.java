package family.gallery.localaws.edge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The object key S3 reads from a request path: the path without its slash, percent-decoded ({@code +} stays {@code +}). */
final class S3Paths {

    private S3Paths() {
    }

    static String key(String rawPath) {
        String encoded = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
            int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
            if (c == '%' && high >= 0 && low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
