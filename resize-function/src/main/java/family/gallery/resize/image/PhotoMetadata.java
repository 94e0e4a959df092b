package family.gallery.resize.image;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import family.gallery.catalog.PhotoDetails;

/** What the photo's own metadata says, all of it optional: a photo without EXIF is still a photo. */
public record PhotoMetadata(Orientation orientation, Optional<LocalDateTime> takenAt, Optional<ZoneOffset> offset,
        PhotoDetails details) {

    public static final PhotoMetadata NONE = new PhotoMetadata(Orientation.NORMAL, Optional.empty(), Optional.empty(),
            PhotoDetails.NONE);
}
