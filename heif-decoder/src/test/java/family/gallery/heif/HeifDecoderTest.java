package family.gallery.heif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import family.gallery.heif.HeifFixtures.Writer;

/** Our decoder against Debian's libheif ({@code heif-convert}) on files made by heif-enc, ffmpeg and the writer. */
class HeifDecoderTest {

    private final HeifDecoder decoder = HeifDecoder.shared();

    @TempDir
    Path dir;

    @Test
    void aRealPhoneFileDecodesLikeLibheif() throws Exception {
        byte[] file = Files.readAllBytes(fixtures().resolve("phones/example.heic"));
        HeifImage heif = decoder.read(file);
        assertEquals(1280, heif.width());
        assertEquals(854, heif.height());
        BufferedImage ours = decoder.decode(heif, 1);
        assertTrue(psnr(HeifFixtures.heifConvert(file, dir), ours) > 40, "PSNR " + psnr(HeifFixtures.heifConvert(file, dir), ours));
    }

    @Test
    void eightBitHeicKeepsItsColoursAndLayout() throws Exception {
        byte[] file = HeifFixtures.heifEnc(HeifFixtures.scene(320, 240), dir);
        BufferedImage ours = decoder.decode(decoder.read(file), 1);
        assertEquals(320, ours.getWidth());
        assertNear(new Color(220, 20, 20), ours, 20, 20);
        assertNear(new Color(20, 20, 220), ours, 160, 230);
        assertTrue(psnr(HeifFixtures.heifConvert(file, dir), ours) > 40);
    }

    /**
     * 10-bit and 4:4:4 pictures from ffmpeg's libx265: Debian's heif-enc 1.15 garbles 16-bit PNG input
     * (libheif's own decoder shows the same garbled picture).
     */
    @ParameterizedTest
    @CsvSource({"yuv420p10le, 1, 10", "yuv444p, 3, 8", "yuv422p, 2, 8"})
    void deepAndFullChromaPicturesDecodeToTheSameColours(String pixelFormat, int chromaFormat, int bitDepth)
            throws Exception {
        Writer writer = new Writer();
        writer.picture(HeifFixtures.hevc(HeifFixtures.scene(320, 240), pixelFormat, dir), 320, 240, false,
                chromaFormat, bitDepth, Writer.nclx(1, 13, 1, true));
        byte[] file = writer.write();
        BufferedImage ours = decoder.decode(decoder.read(file), 1);
        assertNear(new Color(220, 20, 20), ours, 20, 20);
        assertNear(new Color(20, 20, 220), ours, 160, 230);
        assertTrue(psnr(HeifFixtures.heifConvert(file, dir), ours) > 38);
    }

    @Test
    void alphaPlaneBecomesTheAlphaChannel() throws Exception {
        BufferedImage image = new BufferedImage(256, 128, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0, 160, 0));
        g.fillRect(0, 0, 128, 128); // left half opaque green, right half fully transparent
        g.dispose();
        byte[] file = HeifFixtures.heifEnc(image, dir);
        BufferedImage ours = decoder.decode(decoder.read(file), 1);
        assertTrue(ours.getColorModel().hasAlpha());
        assertEquals(255, ours.getRGB(40, 60) >>> 24);
        assertEquals(0, ours.getRGB(200, 60) >>> 24);
        assertNear(new Color(0, 160, 0), ours, 40, 60);
    }

    @Test
    void displayP3TaggedByCodePointsIsConvertedToSrgb() throws Exception {
        // sRGB's pure red is about (234, 51, 35) in Display P3.
        List<byte[]> p3Red = HeifFixtures.hevc(filled(128, 64, new Color(234, 51, 35)), "yuv420p", dir);
        Writer tagged = new Writer();
        tagged.picture(p3Red, 128, 64, false, Writer.nclx(12, 13, 1, true));
        assertNear(new Color(255, 0, 0), decoder.decode(decoder.read(tagged.write()), 1), 60, 30);
        Writer srgb = new Writer();
        srgb.picture(p3Red, 128, 64, false, Writer.nclx(1, 13, 1, true));
        assertNear(new Color(234, 51, 35), decoder.decode(decoder.read(srgb.write()), 1), 60, 30);
    }

    @Test
    void iccProfileIsCarriedForColourManagement() throws Exception {
        byte[] linearRgb = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData();
        Writer writer = new Writer();
        writer.picture(HeifFixtures.hevc(filled(128, 64, new Color(128, 128, 128)), "yuv420p", dir), 128, 64, false,
                Writer.nclx(1, 13, 1, true), Writer.icc(linearRgb));
        HeifImage heif = decoder.read(writer.write());
        assertTrue(heif.primary().iccProfile().isPresent());
        BufferedImage ours = decoder.decode(heif, 1);
        BufferedImage srgb = new BufferedImage(128, 64, BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(ours, srgb);
        int value = srgb.getRGB(60, 30) & 0xff;
        assertTrue(value > 170 && value < 205, "linear 0.5 is about 188 in sRGB, was " + value);
    }

    @Test
    void gridTilesAndTransformsMatchLibheif() throws Exception {
        BufferedImage scene = HeifFixtures.scene(192, 128);
        List<List<byte[]>> tiles = tiles(scene);
        byte[][][] cases = {
            {},
            {Writer.irot(1)},
            {Writer.irot(3)},
            {Writer.imir(0)},
            {Writer.imir(1)},
            {Writer.clap(120, 80, -10, 6)},
            {Writer.clap(150, 100, 4, -2), Writer.irot(1), Writer.imir(0)},
        };
        for (byte[][] transforms : cases) {
            byte[] file = grid(tiles, 180, 120, transforms);
            BufferedImage ours = decoder.decode(decoder.read(file), 1);
            BufferedImage reference = HeifFixtures.heifConvert(file, dir);
            assertEquals(reference.getWidth(), ours.getWidth(), "width with " + transforms.length + " transforms");
            assertEquals(reference.getHeight(), ours.getHeight());
            assertTrue(psnr(reference, ours) > 38, "PSNR " + psnr(reference, ours) + " with " + transforms.length
                    + " transforms");
        }
        // The comparison can fail: the unrotated image is far from the rotated one.
        BufferedImage upright = decoder.decode(decoder.read(grid(tiles, 180, 120)), 1);
        BufferedImage turned = decoder.decode(decoder.read(grid(tiles, 180, 120, Writer.irot(2))), 1);
        assertTrue(psnr(upright, turned) < 15);
        // Anti-clockwise: the red top-left corner ends bottom-left.
        BufferedImage left = decoder.decode(decoder.read(grid(tiles, 180, 120, Writer.irot(1))), 1);
        assertEquals(120, left.getWidth());
        assertNear(new Color(220, 20, 20), left, 10, 170);
    }

    @Test
    void reductionAveragesBlocksWithinTiles() throws Exception {
        BufferedImage scene = HeifFixtures.scene(192, 128);
        List<List<byte[]>> tiles = tiles(scene);
        BufferedImage half = decoder.decode(decoder.read(grid(tiles, 192, 128)), 2);
        assertEquals(96, half.getWidth());
        assertEquals(64, half.getHeight());
        assertNear(new Color(220, 20, 20), half, 10, 10);
        assertNear(new Color(20, 20, 220), half, 60, 60);
    }

    @Test
    void damagedAndUnsupportedFilesSayWhatIsWrong() throws Exception {
        BufferedImage scene = HeifFixtures.scene(192, 128);
        List<List<byte[]>> tiles = tiles(scene);
        Writer missingTile = new Writer();
        List<Integer> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(missingTile.picture(tiles.get(i), 96, 64, true));
        }
        missingTile.primary(missingTile.grid(2, 2, 192, 128, three));
        assertRefused(missingTile.write(), "missing tiles: it has 3 of 4");

        Writer avif = new Writer();
        int id = avif.picture(tiles.get(0), 96, 64, false);
        byte[] file = avif.write();
        byte[] av1 = replaceFirst(file, "hvc1".getBytes(), "av01".getBytes());
        assertRefused(av1, "AV1 (an AVIF image)");

        byte[] single = HeifFixtures.heifEnc(scene, dir);
        assertRefused(new byte[0], "empty");
        assertRefused(Arrays.copyOf(single, single.length - 200), "damaged or truncated");
        assertRefused(Arrays.copyOf(single, 600), "damaged or truncated");
        // A damaged tile: its slice data overwritten.
        byte[] scrambled = single.clone();
        new Random(7).ints(scrambled.length - 400, scrambled.length).limit(200).forEach(i -> scrambled[i] ^= 0x5a);
        assertThrows(HeifException.class, () -> decoder.decode(decoder.read(scrambled), 1));

        assertFalse(HeifDecoder.isHeif(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        assertTrue(HeifDecoder.isHeif(single));
        assertTrue(id > 0);
    }

    @Test
    void aHugeDeclaredSizeIsReportedWithoutDecoding() throws Exception {
        Writer bomb = new Writer();
        List<byte[]> tile = HeifFixtures.hevc(HeifFixtures.scene(64, 64), "yuv420p", dir);
        int picture = bomb.picture(tile, 60_000, 60_000, true);
        bomb.primary(bomb.grid(1, 1, 60_000, 60_000, List.of(picture)));
        HeifImage heif = decoder.read(bomb.write());
        assertEquals(60_000, heif.width());
        assertEquals(60_000, heif.height());
        assertThrows(HeifException.class, () -> decoder.decode(heif, 1), "never allocated");
    }

    @Test
    void randomDamageNeverEscapesAsAnotherException() throws Exception {
        byte[] file = HeifFixtures.heifEnc(HeifFixtures.scene(96, 64), dir);
        Random random = new Random(42);
        for (int cut = 0; cut < Math.min(file.length, 1200); cut += 7) {
            expectOnlyHeifException(Arrays.copyOf(file, cut));
        }
        for (int i = 0; i < 300; i++) {
            byte[] damaged = file.clone();
            for (int flips = 0; flips < 4; flips++) {
                damaged[random.nextInt(Math.min(damaged.length, 600))] = (byte) random.nextInt(256);
            }
            expectOnlyHeifException(damaged);
        }
    }

    private void expectOnlyHeifException(byte[] file) {
        try {
            decoder.decode(decoder.read(file), 1);
        } catch (HeifException expected) {
            assertFalse(expected.getMessage().isBlank());
        }
    }

    /** The scene cut into 2 x 2 tiles of 96 x 64, each coded as one HEVC picture. */
    private List<List<byte[]>> tiles(BufferedImage scene) {
        List<List<byte[]>> tiles = new ArrayList<>();
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 2; column++) {
                tiles.add(HeifFixtures.hevc(scene.getSubimage(column * 96, row * 64, 96, 64), "yuv420p", dir));
            }
        }
        return tiles;
    }

    /**
     * A 2 x 2 grid of 96 x 64 tiles, then the transforms. The tiles carry the colour description
     * (ffmpeg's BT.709 full range), since Debian's libheif does not read one on the grid.
     */
    private static byte[] grid(List<List<byte[]>> tiles, int width, int height, byte[]... transforms) {
        Writer writer = new Writer();
        List<Integer> ids = new ArrayList<>();
        for (List<byte[]> tile : tiles) {
            ids.add(writer.picture(tile, 96, 64, true, Writer.nclx(1, 13, 1, true)));
        }
        writer.primary(writer.grid(2, 2, width, height, ids, transforms));
        return writer.write();
    }

    private void assertRefused(byte[] file, String reason) {
        HeifException e = assertThrows(HeifException.class, () -> decoder.decode(decoder.read(file), 1));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    static byte[] replaceFirst(byte[] data, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + from.length, from, 0, from.length)) {
                byte[] out = data.clone();
                System.arraycopy(to, 0, out, i, to.length);
                return out;
            }
        }
        throw new IllegalArgumentException("pattern not found");
    }

    private byte[] run(String tool, byte[] file) throws Exception {
        Path in = dir.resolve("info.heic");
        Files.write(in, file);
        Process process = new ProcessBuilder(tool, in.toString()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        process.waitFor();
        return output;
    }

    private static BufferedImage filled(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static void assertNear(Color expected, BufferedImage image, int x, int y) {
        Color actual = new Color(image.getRGB(x, y));
        int difference = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(difference <= 18, "expected " + expected + " at " + x + "," + y + " but was " + actual);
    }

    /** Peak signal-to-noise ratio over R, G and B, in dB. */
    static double psnr(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    int d = (p >> shift & 0xff) - (q >> shift & 0xff);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * a.getWidth() * a.getHeight());
        return mse == 0 ? 99 : 10 * Math.log10(255 * 255 / mse);
    }

    static Path fixtures() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared/fixtures");
            if (Files.isDirectory(candidate.resolve("phones"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath());
    }
}
