package family.gallery.resize.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A grey zone plate: concentric rings whose frequency grows linearly from nothing at the centre to
 * {@link #CORNER_FREQUENCY} cycles per pixel at the corners. Downscaled well, the rings finer than
 * the new pixel grid become flat grey; any ring left there is aliasing.
 */
public final class ZonePlate {

    /** Just under the original's Nyquist limit of 0.5, where dropped pixels alias to broad rings. */
    public static final double CORNER_FREQUENCY = 0.48;
    public static final int MEAN = 128;
    private static final int AMPLITUDE = 100;

    private ZonePlate() {
    }

    /** Writes a zone plate JPEG for the benchmark. Arguments: the file, its width and height. */
    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), TestImages.jpeg(image(Integer.parseInt(args[1]), Integer.parseInt(args[2])), false));
    }

    public static BufferedImage image(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grey = (int) Math.round(MEAN + AMPLITUDE * Math.cos(phase(width, height, x + 0.5, y + 0.5)));
                image.setRGB(x, y, grey * 0x010101);
            }
        }
        return image;
    }

    /** The rings' local frequency, in cycles per original pixel, at a point of the original. */
    public static double frequency(int width, int height, double x, double y) {
        return CORNER_FREQUENCY * radius(width, height, x, y) / radius(width, height, 0, 0);
    }

    private static double phase(int width, int height, double x, double y) {
        double r = radius(width, height, x, y);
        return Math.PI * CORNER_FREQUENCY * r * r / radius(width, height, 0, 0);
    }

    private static double radius(int width, int height, double x, double y) {
        return Math.hypot(x - width / 2.0, y - height / 2.0);
    }
}
