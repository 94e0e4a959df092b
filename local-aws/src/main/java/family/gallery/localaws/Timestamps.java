package family.gallery.localaws;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as S3 and SNS write them in their JSON: UTC with milliseconds, {@code 2026-07-14T09:21:07.512Z}. */
final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String now() {
        return format(Instant.now());
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
