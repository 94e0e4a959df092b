package family.gallery.resize.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebP originals, made with Debian's libwebp tools (cwebp, img2webp). */
class WebpTest {

    private final PhotoRenderer renderer = new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS);

    @TempDir
    Path dir;

    @Test
    void lossyWebpRendersWithItsColours() throws Exception {
        byte[] webp = webp(TestImages.scene(1200, 800, BufferedImage.TYPE_INT_RGB), "-q", "90");
        RenderedPhoto photo = renderer.render(webp);
        assertEquals(1200, photo.width());
        assertEquals(800, photo.height());
        BufferedImage small = TestImages.decode(photo.renditions().get(0).bytes());
        assertNear(new Color(220, 20, 20), new Color(small.getRGB(30, 30)));
        assertNear(new Color(20, 20, 220), new Color(small.getRGB(240, 300)));
    }

    @Test
    void losslessWebpWithAlphaIsFlattenedOntoGrey() throws Exception {
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0, 160, 0));
        g.fillRect(0, 0, 300, 400);
        g.dispose();
        byte[] webp = webp(image, "-lossless", "-exact");
        BufferedImage rendition = TestImages.decode(renderer.render(webp).renditions().get(0).bytes());
        assertNear(new Color(0, 160, 0), new Color(rendition.getRGB(100, 160)));
        assertNear(new Color(128, 128, 128), new Color(rendition.getRGB(380, 160)));
    }

    @Test
    void animatedWebpShowsItsFirstFrame() throws Exception {
        Files.write(dir.resolve("red.png"), TestImages.png(filled(new Color(210, 30, 30))));
        Files.write(dir.resolve("blue.png"), TestImages.png(filled(new Color(30, 30, 210))));
        byte[] animated = TestImages.run(dir, "/usr/bin/img2webp", "-loop", "0", "-lossy", "-q", "90",
                "-d", "500", "red.png", "blue.png", "-o", "animated.webp");
        BufferedImage rendition = TestImages.decode(renderer.render(animated).renditions().get(0).bytes());
        assertNear(new Color(210, 30, 30), new Color(rendition.getRGB(200, 150)));
    }

    @Test
    void truncatedWebpIsRefusedWithAReason() throws Exception {
        byte[] webp = webp(TestImages.scene(800, 600, BufferedImage.TYPE_INT_RGB), "-q", "90");
        UnrenderablePhotoException e = assertThrows(UnrenderablePhotoException.class,
                () -> renderer.render(Arrays.copyOf(webp, webp.length / 2)));
        assertTrue(e.getMessage().contains("damaged or truncated"), e.getMessage());
    }

    private byte[] webp(BufferedImage image, String... options) throws Exception {
        Files.write(dir.resolve("in.png"), TestImages.png(image));
        String[] command = new String[options.length + 4];
        command[0] = "/usr/bin/cwebp";
        System.arraycopy(options, 0, command, 1, options.length);
        command[options.length + 1] = "in.png";
        command[options.length + 2] = "-o";
        command[options.length + 3] = "out.webp";
        return TestImages.run(dir, command);
    }

    private static BufferedImage filled(Color colour) {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        return image;
    }

    private static void assertNear(Color expected, Color actual) {
        TestImages.assertNear(expected, actual, 15);
    }
}
