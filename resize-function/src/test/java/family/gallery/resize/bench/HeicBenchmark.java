package family.gallery.resize.bench;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import family.gallery.heif.HeifFixtures;
import family.gallery.resize.image.PhotoRenderer;

/**
 * iPhone-like HEICs (512 x 512 tiles, 12 MP and 48 MP, made from a corpus photo) rendered to the
 * full rendition set in this warm JVM and, in the same run, decoded by Debian's heif-convert
 * (libheif) to a JPEG of the same quality; prints milliseconds per photo, the ratio and the peak heap.
 * Arguments: {@code make SCRATCH CORPUS_JPEG} writes the HEICs (in a JVM with heap to spare), then
 * {@code measure SCRATCH} measures them (in a JVM with the function's heap).
 */
public final class HeicBenchmark {

    private static final int WARM_UP_ROUNDS = 4;
    private static final int MEASURED_ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createDirectories(Path.of(args[1]));
        List<Path> heics = new ArrayList<>();
        for (int[] size : new int[][] {{4032, 3024}, {8064, 6048}}) {
            Path heic = scratch.resolve("iphone-" + size[0] + "x" + size[1] + ".heic");
            heics.add(heic);
            if (args[0].equals("make") && !Files.exists(heic)) {
                BufferedImage source = ImageIO.read(Path.of(args[2]).toFile());
                System.out.printf("making %s ...%n", heic.getFileName());
                BufferedImage scaled = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
                var g = scaled.createGraphics();
                g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(source, 0, 0, size[0], size[1], null);
                g.dispose();
                Files.write(heic, HeifFixtures.tiledHeic(scaled, 512, Files.createDirectories(scratch.resolve("work"))));
            }
        }
        if (args[0].equals("make")) {
            return;
        }
        PhotoRenderer renderer = new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS);
        int quality = PhotoRenderer.Settings.DEFAULTS.jpegQuality();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Path heic : heics) {
                renderer.render(Files.readAllBytes(heic));
            }
        }
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        System.out.printf(Locale.ROOT, "%d CPUs, max heap %d MB, best of %d%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, MEASURED_ROUNDS);
        System.out.printf(Locale.ROOT, "%-24s %8s %10s %16s %8s%n", "HEIC", "pixels", "ours ms", "heif-convert ms", "ratio");
        for (Path heic : heics) {
            byte[] bytes = Files.readAllBytes(heic);
            double ours = Double.MAX_VALUE;
            double libheif = Double.MAX_VALUE;
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                long start = System.nanoTime();
                renderer.render(bytes);
                ours = Math.min(ours, (System.nanoTime() - start) / 1e6);
                start = System.nanoTime();
                Process process = new ProcessBuilder("/usr/bin/heif-convert", "-q", Integer.toString(quality),
                        heic.toString(), scratch.resolve("libheif.jpg").toString()).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("heif-convert failed on " + heic);
                }
                libheif = Math.min(libheif, (System.nanoTime() - start) / 1e6);
            }
            String name = heic.getFileName().toString();
            System.out.printf(Locale.ROOT, "%-24s %7.1fM %10.0f %16.0f %8.2f%n", name,
                    Double.parseDouble(name.replaceAll("\\D+(\\d+)x(\\d+).*", "$1")) * Double.parseDouble(
                            name.replaceAll("\\D+\\d+x(\\d+).*", "$1")) / 1e6, ours, libheif, ours / libheif);
        }
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "ours/heif-convert target <= 3.00; peak heap %d MB (target <= 512 MB)%n", peakHeap >> 20);
    }
}
