package family.gallery.catalog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a photo was taken: the camera's local wall-clock time, and its offset from UTC when the
 * camera recorded one (EXIF OffsetTimeOriginal) or when the time is the upload time (UTC). Stored as
 * ISO-8601, with the offset when known: {@code 2026-07-14T09:21:07+02:00} or {@code 2026-07-14T09:21:07}.
 *
 * @param fromCamera true when the time comes from the photo's own metadata, false when it is the upload time
 */
public record TakenAt(LocalDateTime local, Optional<ZoneOffset> offset, boolean fromCamera) {

    public static TakenAt camera(LocalDateTime local, Optional<ZoneOffset> offset) {
        return new TakenAt(local, offset, true);
    }

    public static TakenAt uploaded(Instant uploaded) {
        return new TakenAt(LocalDateTime.ofInstant(uploaded, ZoneOffset.UTC), Optional.of(ZoneOffset.UTC), false);
    }

    /** The ISO-8601 form described above. */
    public String iso() {
        return offset.map(o -> OffsetDateTime.of(local, o).toString()).orElse(local.toString());
    }

    static TakenAt parse(String iso, boolean fromCamera) {
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(iso);
            return new TakenAt(withOffset.toLocalDateTime(), Optional.of(withOffset.getOffset()), fromCamera);
        } catch (DateTimeParseException noOffset) {
            return new TakenAt(LocalDateTime.parse(iso), Optional.empty(), fromCamera);
        }
    }
}
