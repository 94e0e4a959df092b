package family.gallery.resize.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import family.gallery.catalog.PhotoDetails;

/**
 * Reads orientation, capture time, camera and exposure from a photo's EXIF, and its caption from
 * IPTC or XMP, with metadata-extractor. Never its location.
 */
public final class ExifReader {

    private static final Logger LOG = Logger.getLogger(ExifReader.class);
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);
    /** Longer embedded captions are cut: they are meant to be read under a photo, and the catalog item is bounded. */
    static final int MAX_CAPTION_LENGTH = 1000;

    private ExifReader() {
    }

    /** Never fails: unreadable metadata only means the photo shows as stored, dated by its upload. */
    public static PhotoMetadata read(byte[] original) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original), original.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            LOG.debugf("no readable metadata: %s", e.getMessage());
            return PhotoMetadata.NONE;
        }
        ExifIFD0Directory main = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        Orientation orientation = Orientation.ofExif(integer(main, ExifDirectoryBase.TAG_ORIENTATION));
        return new PhotoMetadata(orientation,
                text(sub, ExifDirectoryBase.TAG_DATETIME_ORIGINAL).flatMap(ExifReader::localTime),
                text(sub, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL).flatMap(ExifReader::offset),
                new PhotoDetails(camera(text(main, ExifDirectoryBase.TAG_MAKE), text(main, ExifDirectoryBase.TAG_MODEL)),
                        text(sub, ExifDirectoryBase.TAG_LENS_MODEL),
                        positive(sub, ExifDirectoryBase.TAG_FOCAL_LENGTH).map(ExifReader::twoDecimals),
                        positive(sub, ExifDirectoryBase.TAG_FNUMBER).map(ExifReader::twoDecimals),
                        exposureTime(sub),
                        Optional.of(integer(sub, ExifDirectoryBase.TAG_ISO_EQUIVALENT)).filter(iso -> iso > 0),
                        caption(metadata)));
    }

    /**
     * The caption a photo carries: IPTC Caption-Abstract or XMP dc:description, else its title
     * (XMP dc:title, IPTC Object Name). EXIF's ImageDescription is left out: cameras fill it with
     * their own name ("OLYMPUS DIGITAL CAMERA").
     */
    static Optional<String> caption(Metadata metadata) {
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        XmpDirectory xmpDirectory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        XMPMeta xmp = xmpDirectory == null ? null : xmpDirectory.getXMPMeta();
        return text(iptc, IptcDirectory.TAG_CAPTION)
                .or(() -> localized(xmp, "description"))
                .or(() -> localized(xmp, "title"))
                .or(() -> text(iptc, IptcDirectory.TAG_OBJECT_NAME))
                .map(ExifReader::readable)
                .filter(caption -> !caption.isEmpty());
    }

    private static Optional<String> localized(XMPMeta xmp, String property) {
        if (xmp == null) {
            return Optional.empty();
        }
        try {
            XMPProperty value = xmp.getLocalizedText(XMPConst.NS_DC, property, null, XMPConst.X_DEFAULT);
            return value == null || value.getValue() == null || value.getValue().isBlank()
                    ? Optional.empty() : Optional.of(value.getValue());
        } catch (XMPException e) {
            return Optional.empty();
        }
    }

    /** One line of plain text: control characters and runs of white space become one space. */
    private static String readable(String caption) {
        String flat = caption.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() <= MAX_CAPTION_LENGTH ? flat : flat.substring(0, MAX_CAPTION_LENGTH - 1).strip() + "\u2026";
    }

    /** {@code 1/120} for a fraction of a second, {@code 2.5} or {@code 30} for longer exposures. */
    private static Optional<String> exposureTime(Directory sub) {
        Rational time = sub == null ? null : sub.getRational(ExifDirectoryBase.TAG_EXPOSURE_TIME);
        if (time == null || time.getNumerator() <= 0 || time.getDenominator() <= 0) {
            return Optional.empty();
        }
        return Optional.of(time.doubleValue() < 1 ? "1/" + Math.round(1 / time.doubleValue()) : time.toSimpleString(true));
    }

    private static Optional<Double> positive(Directory directory, int tag) {
        Rational value = directory == null ? null : directory.getRational(tag);
        return value == null || value.getDenominator() == 0 || value.doubleValue() <= 0
                ? Optional.empty() : Optional.of(value.doubleValue());
    }

    private static double twoDecimals(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** {@code Canon} + {@code Canon EOS R6} reads {@code Canon EOS R6}; {@code SONY} + {@code ILCE-7M3} reads {@code SONY ILCE-7M3}. */
    static Optional<String> camera(Optional<String> make, Optional<String> model) {
        if (model.isEmpty()) {
            return make;
        }
        String brand = make.map(m -> m.split("\\s+")[0]).orElse("");
        boolean modelNamesBrand = !brand.isEmpty()
                && model.get().toLowerCase(Locale.ROOT).startsWith(brand.toLowerCase(Locale.ROOT));
        return Optional.of(make.isEmpty() || modelNamesBrand ? model.get() : make.get() + " " + model.get());
    }

    private static Optional<LocalDateTime> localTime(String exif) {
        try {
            return Optional.of(LocalDateTime.parse(exif, EXIF_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // "0000:00:00 00:00:00" and other placeholders
        }
    }

    private static Optional<ZoneOffset> offset(String exif) {
        try {
            return Optional.of(ZoneOffset.of(exif));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Directory directory, int tag) {
        if (directory == null) {
            return Optional.empty();
        }
        String value = directory.getString(tag);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static int integer(Directory directory, int tag) {
        Integer value = directory == null ? null : directory.getInteger(tag);
        return value == null ? 0 : value;
    }
}
