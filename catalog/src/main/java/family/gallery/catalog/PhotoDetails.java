package family.gallery.catalog;

import java.util.Optional;

/**
 * What a photo says about how it was taken, and its own caption, each optional: the viewer's info
 * panel shows what there is. Never a location: the catalog holds no GPS.
 *
 * @param camera       make and model, e.g. {@code Canon EOS R6}
 * @param lens         lens model, e.g. {@code RF24-105mm F4 L IS USM}
 * @param focalLength  in millimetres, e.g. {@code 6.86}
 * @param aperture     the f-number, e.g. {@code 1.78}
 * @param exposureTime in seconds, as the camera wrote it: {@code 1/120}, {@code 2.5}
 * @param iso          ISO speed, e.g. {@code 64}
 * @param caption      the photo's embedded IPTC/XMP caption or, without one, its title
 */
public record PhotoDetails(Optional<String> camera, Optional<String> lens, Optional<Double> focalLength,
        Optional<Double> aperture, Optional<String> exposureTime, Optional<Integer> iso, Optional<String> caption) {

    public static final PhotoDetails NONE = new PhotoDetails(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Only a camera, as a video or a photo with little EXIF says. */
    public static PhotoDetails camera(String camera) {
        return new PhotoDetails(Optional.ofNullable(camera), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
