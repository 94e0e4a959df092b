package family.gallery.resize.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rings finer than a rendition's pixels must come out as flat grey, not as broad false rings: the
 * zone plate's outer part, where the rings are at least twice as fine as the 480 px rendition can
 * show, is measured for what deviates from its mean grey.
 */
class AliasingTest {

    private static final int WIDTH = 4800;
    private static final int HEIGHT = 3200;
    /**
     * Grey levels (RMS). Lanczos after an area reduction leaves under 0.1; subsampling the original,
     * or scaling by repeated bilinear halving, leaves 4 to 6: rings plain to see.
     */
    private static final double MOST_ALIASING = 1;
    private static final BufferedImage PLATE = ZonePlate.image(WIDTH, HEIGHT);

    @ParameterizedTest
    @CsvSource({"24000000, false", "2000000, false", "2000000, true"}) // whole; reduced by area to fit; progressive
    void finePatternsBecomeFlatGreyRatherThanFalseRings(long pixelBudget, boolean progressive) throws Exception {
        byte[] original = TestImages.jpeg(PLATE, progressive);
        RenderedPhoto photo = new PhotoRenderer(new PhotoRenderer.Settings(100_000_000L, pixelBudget, 82)).render(original);
        BufferedImage thumbnail = TestImages.decode(photo.renditions().get(0).bytes());
        double aliasing = aliasing(thumbnail);
        assertTrue(aliasing < MOST_ALIASING, "false rings of " + aliasing + " grey levels (RMS)");
    }

    /** RMS deviation from the mean grey where the rings are finer than twice the rendition's Nyquist limit. */
    static double aliasing(BufferedImage rendition) {
        double scale = (double) WIDTH / rendition.getWidth();
        double nyquist = 0.5 / scale;
        double sum = 0;
        long count = 0;
        for (int y = 0; y < rendition.getHeight(); y++) {
            for (int x = 0; x < rendition.getWidth(); x++) {
                if (ZonePlate.frequency(WIDTH, HEIGHT, (x + 0.5) * scale, (y + 0.5) * scale) > 2 * nyquist) {
                    double deviation = (rendition.getRGB(x, y) >> 8 & 0xFF) - ZonePlate.MEAN;
                    sum += deviation * deviation;
                    count++;
                }
            }
        }
        return Math.sqrt(sum / count);
    }
}
