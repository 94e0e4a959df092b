package family.gallery.ingest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The {@code Content-Disposition} that makes a browser save a download under a given name. */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /**
     * {@code attachment} under {@code fileName}: an ASCII stand-in for browsers that read only
     * {@code filename}, the exact name in UTF-8 for the rest (RFC 6266).
     */
    public static String attachment(String fileName) {
        String ascii = fileName.codePoints()
                .mapToObj(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? "_" : Character.toString(c))
                .reduce("", String::concat);
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
