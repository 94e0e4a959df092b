package family.gallery.resize.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Test originals made on the spot with Java2D and ImageIO (and ImageMagick where Java cannot write the format). */
public final class TestImages {

    private TestImages() {
    }

    /** The shared fixtures folder: {@code ../shared/fixtures} seen from the repository root, found by walking up. */
    public static Path fixtures() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures");
            if (Files.isDirectory(candidate.resolve("exif-orientation"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath());
    }

    public static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(fixtures().resolve("exif-orientation").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A picture with structure: a colour gradient, a red block top left and a blue bar at the bottom. */
    public static BufferedImage scene(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        for (int x = 0; x < width; x += 8) {
            g.setColor(new Color(40 + 150 * x / width, 120, 200 - 150 * x / width));
            g.fillRect(x, 0, 8, height);
        }
        g.setColor(new Color(220, 20, 20));
        g.fillRect(0, 0, width / 3, height / 3);
        g.setColor(new Color(20, 20, 220));
        g.fillRect(0, height * 4 / 5, width, height / 5);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A valid PNG whose header claims {@code width x height} pixels, with a single compressed row
     * of zeros: tiny on disk, gigabytes once decoded.
     */
    public static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        writeInt(header, width);
        writeInt(header, height);
        header.writeBytes(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, deflate, no interlace
        chunk(out, "IHDR", header.toByteArray());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1 + width * 3]);
        deflater.finish();
        byte[] compressed = new byte[width * 3 + 64];
        int length = deflater.deflate(compressed);
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A real PNG with one more metadata chunk before its pixels: {@code zTXt} (keyword, 0, method 0,
     * zlib data) or compressed {@code iTXt} (keyword, 0, flag 1, method 0, empty language and
     * translated keyword, zlib data), whose text is {@code inflatedBytes} spaces.
     */
    public static byte[] pngWithCompressedText(byte[] png, String type, int inflatedBytes) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[inflatedBytes]);
        deflater.finish();
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            zlib.write(buffer, 0, deflater.deflate(buffer));
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("Comment".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        data.writeBytes(type.equals("iTXt") ? new byte[] {0, 1, 0, 0, 0} : new byte[] {0, 0});
        data.writeBytes(zlib.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int afterHeader = 8 + 8 + 13 + 4; // signature, then IHDR's length, type, data and CRC
        out.write(png, 0, afterHeader);
        chunk(out, type, data.toByteArray());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** Fails unless the colours differ by at most {@code tolerance}, summed over R, G and B. */
    public static void assertNear(Color expected, Color actual, int tolerance) {
        int difference = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        org.junit.jupiter.api.Assertions.assertTrue(difference <= tolerance, "expected " + expected + " but was " + actual);
    }

    /** Runs ImageMagick's {@code convert} (Debian's, at /usr/bin/convert) with the arguments; the last one is the output. */
    public static byte[] imageMagick(Path workDir, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "/usr/bin/convert";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return run(workDir, command);
    }

    /** Runs a Debian tool in {@code workDir}; the last argument names the file it writes, which is returned. */
    public static byte[] run(Path workDir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command[0] + " failed: " + output);
        }
        return Files.readAllBytes(workDir.resolve(command[command.length - 1]));
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        writeInt(out, data.length);
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.writeBytes(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }
}
