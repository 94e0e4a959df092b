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

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;

/** Reads orientation, capture time and camera from a photo's EXIF with metadata-extractor. */
public final class ExifReader {

    private static final Logger LOG = Logger.getLogger(ExifReader.class);
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);

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
                camera(text(main, ExifDirectoryBase.TAG_MAKE), text(main, ExifDirectoryBase.TAG_MODEL)),
                text(sub, ExifDirectoryBase.TAG_LENS_MODEL));
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
