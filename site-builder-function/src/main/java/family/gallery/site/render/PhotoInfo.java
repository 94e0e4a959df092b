package family.gallery.site.render;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import family.gallery.catalog.PhotoDetails;
import family.gallery.site.model.Photo;
import family.gallery.site.render.PageViews.InfoRow;

/** The rows of the viewer's info panel for one photo or video: only what is known, never a location. */
final class PhotoInfo {

    private PhotoInfo() {
    }

    static List<InfoRow> rows(Photo photo, DateTimeFormatter takenAtFormat) {
        List<InfoRow> rows = new ArrayList<>();
        if (photo.takenAt() != null) {
            rows.add(new InfoRow("Taken", takenAtFormat.format(photo.takenAt()) + offset(photo.offset())));
        }
        PhotoDetails details = photo.details();
        add(rows, "Camera", details.camera());
        add(rows, "Lens", details.lens());
        add(rows, "Focal length", details.focalLength().map(mm -> plain(mm) + " mm"));
        add(rows, "Aperture", details.aperture().map(f -> "f/" + plain(f)));
        add(rows, "Shutter", details.exposureTime().map(seconds -> seconds + " s"));
        add(rows, "ISO", details.iso().map(String::valueOf));
        if (photo.isVideo()) {
            rows.add(new InfoRow("Length", SiteRenderer.runningTime(photo.video().duration())));
        }
        if (photo.width() > 0 && photo.height() > 0) {
            rows.add(new InfoRow("Size", dimensions(photo.width(), photo.height())));
        }
        rows.add(new InfoRow("File", photo.fileName()));
        return rows;
    }

    /** {@code  (UTC+02:00)}, {@code  (UTC)}; nothing when the camera recorded no offset. */
    static String offset(ZoneOffset offset) {
        if (offset == null) {
            return "";
        }
        return offset.equals(ZoneOffset.UTC) ? " (UTC)" : " (UTC" + offset.getId() + ")";
    }

    /** {@code 4032 × 3024 (12.2 MP)}; megapixels only from one up. */
    static String dimensions(int width, int height) {
        double megapixels = width * (double) height / 1e6;
        String size = width + " \u00d7 " + height;
        return megapixels >= 1 ? size + String.format(Locale.ROOT, " (%.1f MP)", megapixels) : size;
    }

    /** {@code 105} rather than {@code 105.0}, {@code 1.78} as it is. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void add(List<InfoRow> rows, String label, Optional<String> value) {
        value.ifPresent(text -> rows.add(new InfoRow(label, text)));
    }
}
