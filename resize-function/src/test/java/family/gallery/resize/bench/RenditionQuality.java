package family.gallery.resize.bench;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * How close a rendition is to the ideal one: its PSNR against a Lanczos-3 downscale of the full
 * original to the same size, made by ImageMagick (in the original's sRGB values, as every tool
 * here resamples) and kept as a PNG, so a rerun reuses it. The reference keeps 16 bits per sample:
 * ImageMagick's 8-bit output truncates rather than rounds (half a level darker on average), which
 * would favour a renderer that happens to do the same.
 */
final class RenditionQuality {

    private final Path references;

    RenditionQuality(Path references) throws IOException {
        this.references = Files.createDirectories(references);
    }

    /** PSNR in dB over the three channels; the rendition must have the reference's size. */
    double psnr(Path original, byte[] rendition) throws IOException, InterruptedException {
        BufferedImage ours = ImageIO.read(new ByteArrayInputStream(rendition));
        Raster ideal = reference(original, ours.getWidth(), ours.getHeight()).getRaster();
        int[] sixteenBits = new int[3];
        double squares = 0;
        for (int y = 0; y < ours.getHeight(); y++) {
            for (int x = 0; x < ours.getWidth(); x++) {
                int rgb = ours.getRGB(x, y);
                ideal.getPixel(x, y, sixteenBits);
                for (int channel = 0; channel < 3; channel++) {
                    double difference = (rgb >> (16 - 8 * channel) & 0xFF) - sixteenBits[channel] / 257.0;
                    squares += difference * difference;
                }
            }
        }
        double meanSquare = squares / (3.0 * ours.getWidth() * ours.getHeight());
        return 10 * Math.log10(255 * 255 / Math.max(meanSquare, 1e-9));
    }

    private BufferedImage reference(Path original, int width, int height) throws IOException, InterruptedException {
        String name = original.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path png = references.resolve(name + "-" + width + "x" + height + "-16bit.png");
        if (!Files.exists(png)) {
            Process convert = new ProcessBuilder(List.of("/usr/bin/convert", original.toString(), "-auto-orient",
                    "-colorspace", "sRGB", "-filter", "Lanczos", "-resize", width + "x" + height + "!", "PNG48:" + png))
                    .redirectErrorStream(true).start();
            String output = new String(convert.getInputStream().readAllBytes());
            if (convert.waitFor() != 0) {
                throw new IllegalStateException("convert failed: " + output);
            }
        }
        BufferedImage image = ImageIO.read(png.toFile()); // read as samples: Java takes a grey PNG for linear
        if (image == null || image.getRaster().getNumBands() != 3) {
            throw new UncheckedIOException(new IOException("unreadable reference " + png));
        }
        return image;
    }
}
