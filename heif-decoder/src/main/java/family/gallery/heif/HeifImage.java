package family.gallery.heif;

import family.gallery.heif.container.HeifContainer.PrimaryImage;

/**
 * A HEIF file's primary image, parsed but not decoded.
 *
 * @param width  displayed width: after the clean aperture and rotation
 * @param height displayed height
 */
public record HeifImage(PrimaryImage primary, int width, int height) {

    /** Pixels as stored, before the crop: what decoding allocates, whatever the crop leaves. */
    public long storedPixels() {
        return (long) primary.image().width() * primary.image().height();
    }

    /** The EXIF block (TIFF header onwards), if the file has one. */
    public java.util.Optional<byte[]> exif() {
        return primary.exif();
    }
}
