package family.gallery.resize.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import family.gallery.resize.image.PhotoRenderer;
import family.gallery.resize.image.RenderedPhoto;
import family.gallery.resize.image.RenditionSizes;

/**
 * Renders every JPEG of a folder to the full rendition set in this (warm) JVM and, photo by photo
 * in the same run, with ImageMagick's convert and libvips' vipsthumbnail at the same sizes and
 * quality; prints milliseconds per photo, the ratio to ImageMagick and this JVM's peak heap.
 * Arguments: scratch folder for the reference tools' output, then the folders of JPEGs.
 */
public final class RenditionBenchmark {

    private static final int WARM_UP_ROUNDS = 2;
    private static final int MEASURED_ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createDirectories(Path.of(args[0]));
        List<Path> photos = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            try (Stream<Path> files = Files.list(Path.of(args[i]))) {
                files.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(photos::add);
            }
        }
        PhotoRenderer renderer = new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS);
        int quality = PhotoRenderer.Settings.DEFAULTS.jpegQuality();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Path photo : photos) {
                renderer.render(Files.readAllBytes(photo));
            }
        }
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        System.out.printf(Locale.ROOT, "%d photos, %d CPUs, max heap %d MB, sizes %s, JPEG quality %d, best of %d%n",
                photos.size(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                RenditionSizes.LONG_EDGES, quality, MEASURED_ROUNDS);
        System.out.printf(Locale.ROOT, "%-28s %10s %10s %10s %12s %10s %9s%n", "photo", "pixels", "ours ms",
                "convert ms", "convert 1T", "vips ms", "ours/IM");
        double oursTotal = 0, convertTotal = 0, convertSingleTotal = 0, vipsTotal = 0;
        for (Path photo : photos) {
            byte[] bytes = Files.readAllBytes(photo);
            double ours = Double.MAX_VALUE;
            RenderedPhoto rendered = null;
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                long start = System.nanoTime();
                rendered = renderer.render(bytes);
                ours = Math.min(ours, (System.nanoTime() - start) / 1e6);
            }
            List<Integer> edges = rendered.renditions().stream().map(r -> Math.max(r.width(), r.height())).toList();
            double convert = best(() -> run(List.of(), convertCommand(photo, scratch, edges, quality)));
            double convertSingle = best(() -> run(List.of("MAGICK_THREAD_LIMIT=1"), convertCommand(photo, scratch, edges, quality)));
            double vips = best(() -> {
                double total = 0;
                for (int edge : edges) {
                    total += run(List.of(), List.of("vipsthumbnail", photo.toString(), "--size", edge + "x" + edge,
                            "-o", scratch.resolve("vips-" + edge + ".jpg") + "[Q=" + quality + ",strip]"));
                }
                return total;
            });
            oursTotal += ours;
            convertTotal += convert;
            convertSingleTotal += convertSingle;
            vipsTotal += vips;
            System.out.printf(Locale.ROOT, "%-28s %9.1fM %10.0f %10.0f %12.0f %10.0f %9.2f%n", name(photo),
                    rendered.width() * (double) rendered.height() / 1e6, ours, convert, convertSingle, vips, ours / convert);
        }
        int n = photos.size();
        System.out.printf(Locale.ROOT, "%-28s %10s %10.0f %10.0f %12.0f %10.0f %9.2f%n", "mean", "", oursTotal / n,
                convertTotal / n, convertSingleTotal / n, vipsTotal / n, oursTotal / convertTotal);
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "ours/ImageMagick %.2f (target <= 0.70); ours/ImageMagick single-threaded %.2f; "
                + "peak heap %d MB (target <= 512 MB)%n", oursTotal / convertTotal, oursTotal / convertSingleTotal,
                peakHeap >> 20);
    }

    /** One convert run producing every size from one decode, as a gallery generator would call it. */
    private static List<String> convertCommand(Path photo, Path scratch, List<Integer> edges, int quality) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/convert", photo.toString(), "-auto-orient", "-strip",
                "-colorspace", "sRGB", "-quality", Integer.toString(quality)));
        for (int edge : edges) {
            command.addAll(List.of("(", "+clone", "-resize", edge + "x" + edge, "-write",
                    scratch.resolve("im-" + edge + ".jpg").toString(), "+delete", ")"));
        }
        command.add("null:");
        return command;
    }

    private interface Timed {
        double millis() throws Exception;
    }

    private static double best(Timed timed) throws Exception {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            best = Math.min(best, timed.millis());
        }
        return best;
    }

    private static double run(List<String> environment, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach(variable -> {
            String[] pair = variable.split("=", 2);
            builder.environment().put(pair[0], pair[1]);
        });
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + output);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static String name(Path photo) {
        String name = photo.getFileName().toString();
        return name.length() > 28 ? name.substring(0, 27) + "~" : name;
    }
}
