package family.gallery.heif;

import family.gallery.heif.container.HeifContainer.PrimaryImage;

/**
 * A HEIF file's primary image, parsed but not decoded.
 *
 * @param width  displayed width: after the clean aperture and rotation
 * @param height displayed height
 */
public record HeifImage(PrimaryImage primary, int width, int height) {

    /** The EXIF block (TIFF header onwards), if the file has one. */
    public java.util.Optional<byte[]> exif() {
        return primary.exif();
    }
}
