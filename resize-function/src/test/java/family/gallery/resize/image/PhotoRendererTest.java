package family.gallery.resize.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;

class PhotoRendererTest {

    private final PhotoRenderer renderer = new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS);

    @ParameterizedTest
    @ValueSource(strings = {"Landscape", "Portrait"})
    void everyExifOrientationRendersLikeTheUprightOriginal(String shape) throws Exception {
        RenderedPhoto upright = renderer.render(TestImages.fixture(shape + "_0.jpg"));
        int[] expected = shape.equals("Landscape") ? new int[] {1800, 1200} : new int[] {1200, 1800};
        assertEquals(expected[0], upright.width());
        assertEquals(expected[1], upright.height());
        for (int orientation = 1; orientation <= 8; orientation++) {
            RenderedPhoto photo = renderer.render(TestImages.fixture(shape + "_" + orientation + ".jpg"));
            assertEquals(orientation, photo.metadata().orientation().ordinal() + 1, "orientation read from EXIF");
            assertEquals(expected[0], photo.width(), shape + "_" + orientation + " width");
            assertEquals(expected[1], photo.height(), shape + "_" + orientation + " height");
            assertEquals(upright.renditions().size(), photo.renditions().size());
            for (int i = 0; i < photo.renditions().size(); i++) {
                BufferedImage ours = TestImages.decode(photo.renditions().get(i).bytes());
                BufferedImage reference = TestImages.decode(upright.renditions().get(i).bytes());
                assertEquals(reference.getWidth(), ours.getWidth());
                assertEquals(reference.getHeight(), ours.getHeight());
                double difference = meanDifference(reference, ours);
                assertTrue(difference < 6, shape + "_" + orientation + " rendition " + i + " differs by " + difference);
            }
        }
    }

    @Test
    void theMirroredImageIsFarFromTheUprightOne() throws Exception {
        // The tolerance above must be able to fail: a mirrored rendition is far outside it.
        BufferedImage upright = TestImages.decode(renderer.render(TestImages.fixture("Landscape_0.jpg")).renditions().get(0).bytes());
        BufferedImage stored = TestImages.decode(new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS)
                .render(TestImages.jpeg(TestImages.decode(TestImages.fixture("Landscape_2.jpg")), false)).renditions().get(0).bytes());
        assertTrue(meanDifference(upright, stored) > 20, "a mirrored image must not pass as upright");
    }

    @Test
    void renditionsFormTheSrcsetWithoutUpscalingAndWithoutMetadata() throws Exception {
        RenderedPhoto photo = renderer.render(TestImages.fixture("Landscape_6.jpg"));
        assertEquals(List.of(480, 720, 1080, 1440, 1800),
                photo.renditions().stream().map(r -> Math.max(r.width(), r.height())).toList());
        for (RenderedPhoto.Jpeg rendition : photo.renditions()) {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(rendition.bytes()));
            assertNull(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class), "renditions carry no EXIF");
            assertEquals(0xFF, rendition.bytes()[0] & 0xFF);
            assertEquals(0xD8, rendition.bytes()[1] & 0xFF);
        }
        RenderedPhoto large = renderer.render(TestImages.jpeg(TestImages.scene(3000, 2000, BufferedImage.TYPE_INT_RGB), false));
        assertEquals(List.of(480, 720, 1080, 1440, 2048),
                large.renditions().stream().map(RenderedPhoto.Jpeg::width).toList());
        assertEquals(1365, large.renditions().get(4).height());
        RenderedPhoto tiny = renderer.render(TestImages.png(TestImages.scene(300, 40, BufferedImage.TYPE_INT_RGB)));
        assertEquals(1, tiny.renditions().size());
        assertEquals(300, tiny.renditions().get(0).width());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png"}) // reduced row by row as decoded; decoded in bands of rows
    void aHugeOriginalIsDecodedReducedToTheSameRenditions(String format) throws Exception {
        BufferedImage scene = TestImages.scene(4800, 3200, BufferedImage.TYPE_INT_RGB);
        byte[] original = format.equals("jpeg") ? TestImages.jpeg(scene, false) : TestImages.png(scene);
        RenderedPhoto reduced = new PhotoRenderer(new PhotoRenderer.Settings(100_000_000L, 2_000_000L, 82)).render(original);
        RenderedPhoto full = renderer.render(original);
        assertEquals(4800, reduced.width());
        assertEquals(3200, reduced.height());
        assertEquals(List.of(2048, 1365), List.of(reduced.renditions().get(4).width(), reduced.renditions().get(4).height()));
        assertTrue(meanDifference(TestImages.decode(full.renditions().get(2).bytes()),
                TestImages.decode(reduced.renditions().get(2).bytes())) < 4);
    }

    @Test
    void transparencyIsFlattenedOntoNeutralGrey() throws Exception {
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0, 160, 0));
        g.fillRect(0, 0, 300, 400); // left half opaque green, right half fully transparent
        g.dispose();
        BufferedImage rendition = TestImages.decode(renderer.render(TestImages.png(image)).renditions().get(0).bytes());
        assertColour(new Color(0, 160, 0), rendition, new Point(100, 160));
        assertColour(new Color(128, 128, 128), rendition, new Point(380, 160));
    }

    @Test
    void sixteenBitPngBecomesEightBitSrgb() throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(500, 300);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 500; x++) {
                raster.setPixel(x, y, new int[] {0xC800, 0x6400, 0x1E00}); // (200, 100, 30) in 16 bits
            }
        }
        byte[] png = TestImages.png(new BufferedImage(model, raster, false, null));
        assertEquals(16, png[24], "the PNG really is 16 bits per sample");
        RenderedPhoto photo = renderer.render(png);
        assertColour(new Color(200, 100, 30), TestImages.decode(photo.renditions().get(0).bytes()), new Point(200, 100));
    }

    @Test
    void palettedPngKeepsItsColours() throws Exception {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {(byte) 250, 10}, new byte[] {(byte) 200, 10},
                new byte[] {10, (byte) 240});
        BufferedImage image = new BufferedImage(500, 300, BufferedImage.TYPE_BYTE_INDEXED, palette);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(10, 10, 240));
        g.fillRect(250, 0, 250, 300);
        g.dispose();
        BufferedImage rendition = TestImages.decode(renderer.render(TestImages.png(image)).renditions().get(0).bytes());
        assertColour(new Color(250, 200, 10), rendition, new Point(50, 100));
        assertColour(new Color(10, 10, 240), rendition, new Point(400, 100));
    }

    @Test
    void greyscaleJpegKeepsItsTones() throws Exception {
        BufferedImage grey = new BufferedImage(600, 400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(60, 60, 60));
        g.fillRect(0, 0, 600, 400);
        g.dispose();
        RenderedPhoto photo = renderer.render(TestImages.jpeg(grey, false));
        assertColour(new Color(60, 60, 60), TestImages.decode(photo.renditions().get(0).bytes()), new Point(200, 150));
    }

    @Test
    void progressiveJpegRenders() throws Exception {
        byte[] progressive = TestImages.jpeg(TestImages.scene(2400, 1600, BufferedImage.TYPE_INT_RGB), true);
        RenderedPhoto photo = renderer.render(progressive);
        assertEquals(2400, photo.width());
        assertColour(new Color(220, 20, 20), TestImages.decode(photo.renditions().get(0).bytes()), new Point(40, 40));
    }

    @Test
    void cmykJpegBecomesSrgb(@TempDir Path dir) throws Exception {
        byte[] cmyk = TestImages.imageMagick(dir, "-size", "600x400", "xc:rgb(200,30,30)", "-colorspace", "CMYK",
                "-quality", "92", "cmyk.jpg");
        BufferedImage rendition = TestImages.decode(renderer.render(cmyk).renditions().get(0).bytes());
        Color centre = new Color(rendition.getRGB(240, 160));
        assertTrue(centre.getRed() > 150 && centre.getGreen() < 90 && centre.getBlue() < 90, "still red: " + centre);
    }

    @Test
    void damagedFilesAreRefusedWithAReason() {
        byte[] whole = TestImages.jpeg(TestImages.scene(1600, 1200, BufferedImage.TYPE_INT_RGB), false);
        assertRefused(Arrays.copyOf(whole, whole.length / 2), "damaged or truncated");
        assertRefused(new byte[0], "empty");
        assertRefused("hello, this is text\n".getBytes(StandardCharsets.UTF_8), "not an image");
        byte[] png = TestImages.png(TestImages.scene(800, 600, BufferedImage.TYPE_INT_RGB));
        assertRefused(Arrays.copyOf(png, png.length / 2), "damaged or truncated");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        byte[] bomb = TestImages.pngBomb(30000, 30000);
        assertTrue(bomb.length < 10_000, "the bomb is small on disk");
        assertRefused(bomb, "30000 x 30000 pixels (900.0 megapixels), more than the limit of 100.0 megapixels");
        UnrenderablePhotoException e = assertThrows(UnrenderablePhotoException.class,
                () -> new PhotoRenderer(new PhotoRenderer.Settings(1_000_000L, 1_000_000L, 82))
                        .render(TestImages.jpeg(TestImages.scene(1200, 900, BufferedImage.TYPE_INT_RGB), false)));
        assertTrue(e.getMessage().contains("limit of 1.0 megapixels"), e.getMessage());
    }

    @Test
    void compressedMetadataThatWouldInflateToGigabytesIsRefusedBeforeAnyReaderInflatesIt() throws Exception {
        byte[] png = TestImages.png(TestImages.scene(64, 48, BufferedImage.TYPE_INT_RGB));
        for (String type : List.of("zTXt", "iTXt")) {
            byte[] bomb = TestImages.pngWithCompressedText(png, type, 64 << 20);
            assertTrue(bomb.length < 100_000, "64 MB of text in a small file: " + bomb.length);
            assertRefused(bomb, "The PNG's compressed metadata (" + type + ") expands to more than 8 MB:"
                    + " refused as a decompression bomb.");
        }
        RenderedPhoto modest = renderer.render(TestImages.pngWithCompressedText(png, "zTXt", 100_000));
        assertEquals(64, modest.width(), "a caption of ordinary size is no problem");
    }

    private void assertRefused(byte[] original, String reason) {
        UnrenderablePhotoException e = assertThrows(UnrenderablePhotoException.class, () -> renderer.render(original));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static void assertColour(Color expected, BufferedImage image, Point at) {
        TestImages.assertNear(expected, new Color(image.getRGB(at.x, at.y)), 12);
    }

    /** Mean absolute difference per channel, 0 to 255. */
    static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
