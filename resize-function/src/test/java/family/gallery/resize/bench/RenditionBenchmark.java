package family.gallery.resize.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import family.gallery.resize.image.PhotoRenderer;
import family.gallery.resize.image.RenderedPhoto;
import family.gallery.resize.image.RenditionSizes;

/**
 * Renders every JPEG of the given folders to the full rendition set in this (warm) JVM and, photo by
 * photo in the same run, with sharp (its bundled libvips, run by node), ImageMagick's convert and
 * libvips' vipsthumbnail at the same sizes and quality; prints milliseconds per photo, the ratios to
 * sharp and ImageMagick and this JVM's peak heap, then each rendition's PSNR against a Lanczos-3
 * downscale of the full original and its bytes, ours beside vips' and sharp's.
 * Arguments: scratch folder for the other tools' output, folder for the reference downscales,
 * sharp's script, the node_modules folder it runs with, then the folders of JPEGs.
 */
public final class RenditionBenchmark {

    private static final int WARM_UP_ROUNDS = 2;
    private static final int MEASURED_ROUNDS = 3;
    /** The quality goal: at least vips' PSNR less this, at vips' bytes within {@link #BYTES_TOLERANCE}. */
    private static final double PSNR_TOLERANCE = 0.1;
    private static final double BYTES_TOLERANCE = 0.03;

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createDirectories(Path.of(args[0]));
        RenditionQuality quality = new RenditionQuality(Path.of(args[1]));
        Path sharpScript = Path.of(args[2]);
        Path sharpModules = Path.of(args[3]);
        List<Path> photos = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            try (Stream<Path> files = Files.list(Path.of(args[i]))) {
                files.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(photos::add);
            }
        }
        PhotoRenderer renderer = new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS);
        int jpegQuality = PhotoRenderer.Settings.DEFAULTS.jpegQuality();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Path photo : photos) {
                renderer.render(Files.readAllBytes(photo));
            }
        }
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        System.out.printf(Locale.ROOT, "%d photos, %d CPUs, max heap %d MB, sizes %s, JPEG quality %d, best of %d%n",
                photos.size(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                RenditionSizes.LONG_EDGES, jpegQuality, MEASURED_ROUNDS);
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s %10s %10s %10s %8s%n", "photo", "pixels", "ours ms",
                "sharp ms", "vips ms", "convert ms", "convert 1T", "ours/sharp", "ours/IM");
        double oursTotal = 0, sharpTotal = 0, convertTotal = 0, convertSingleTotal = 0, vipsTotal = 0;
        Map<Path, RenderedPhoto> rendered = new LinkedHashMap<>();
        for (Path photo : photos) {
            byte[] bytes = Files.readAllBytes(photo);
            double ours = Double.MAX_VALUE;
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                long start = System.nanoTime();
                rendered.put(photo, renderer.render(bytes));
                ours = Math.min(ours, (System.nanoTime() - start) / 1e6);
            }
            List<Integer> edges = longEdges(rendered.get(photo));
            double convert = best(() -> run(List.of(), convertCommand(photo, scratch, edges, jpegQuality)));
            double convertSingle = best(() -> run(List.of("MAGICK_THREAD_LIMIT=1"), convertCommand(photo, scratch, edges, jpegQuality)));
            double vips = best(() -> {
                double total = 0;
                for (int edge : edges) {
                    total += run(List.of(), List.of("vipsthumbnail", photo.toString(), "--size", edge + "x" + edge,
                            "-o", output(scratch, "vips", photo, edge) + "[Q=" + jpegQuality + ",strip]"));
                }
                return total;
            });
            double sharpMillis = sharp(sharpScript, sharpModules, scratch, jpegQuality, photo);
            oursTotal += ours;
            sharpTotal += sharpMillis;
            convertTotal += convert;
            convertSingleTotal += convertSingle;
            vipsTotal += vips;
            RenderedPhoto photoRendered = rendered.get(photo);
            System.out.printf(Locale.ROOT, "%-28s %7.1fM %8.0f %8.0f %8.0f %10.0f %10.0f %10.2f %8.2f%n", name(photo),
                    photoRendered.width() * (double) photoRendered.height() / 1e6, ours, sharpMillis, vips, convert,
                    convertSingle, ours / sharpMillis, ours / convert);
        }
        int n = photos.size();
        System.out.printf(Locale.ROOT, "%-28s %8s %8.0f %8.0f %8.0f %10.0f %10.0f %10.2f %8.2f%n", "mean", "", oursTotal / n,
                sharpTotal / n, vipsTotal / n, convertTotal / n, convertSingleTotal / n, oursTotal / sharpTotal,
                oursTotal / convertTotal);
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "ours/sharp %.2f (target <= 1); ours/ImageMagick %.2f; ours/ImageMagick "
                + "single-threaded %.2f; peak heap %d MB (target <= 512 MB)%n", oursTotal / sharpTotal,
                oursTotal / convertTotal, oursTotal / convertSingleTotal, peakHeap >> 20);
        compareQuality(quality, scratch, rendered);
    }

    /** PSNR and bytes of every rendition, ours beside vips' and sharp's, and how ours meets the goal. */
    private static void compareQuality(RenditionQuality quality, Path scratch, Map<Path, RenderedPhoto> rendered)
            throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "%nPSNR (dB) against ImageMagick's Lanczos-3 downscale of the full original, and KB%n");
        System.out.printf(Locale.ROOT, "%-28s %5s %8s %8s %8s %9s %8s %8s %8s %10s%n", "photo", "size", "ours dB",
                "vips dB", "sharp dB", "ours-vips", "ours KB", "vips KB", "sharp KB", "ours/vips");
        double worstPsnr = Double.MAX_VALUE;
        double fewestBytes = Double.MAX_VALUE;
        double mostBytes = 0;
        List<String> missed = new ArrayList<>();
        for (Map.Entry<Path, RenderedPhoto> entry : rendered.entrySet()) {
            Path photo = entry.getKey();
            for (RenderedPhoto.Jpeg rendition : entry.getValue().renditions()) {
                int edge = Math.max(rendition.width(), rendition.height());
                byte[] vips = Files.readAllBytes(output(scratch, "vips", photo, edge));
                byte[] sharp = Files.readAllBytes(output(scratch, "sharp", photo, edge));
                double ours = quality.psnr(photo, rendition.bytes());
                double vipsPsnr = quality.psnr(photo, vips);
                double bytes = (double) rendition.bytes().length / vips.length;
                worstPsnr = Math.min(worstPsnr, ours - vipsPsnr);
                fewestBytes = Math.min(fewestBytes, bytes);
                mostBytes = Math.max(mostBytes, bytes);
                if (ours < vipsPsnr - PSNR_TOLERANCE || bytes > 1 + BYTES_TOLERANCE) {
                    missed.add(name(photo) + " " + edge);
                }
                System.out.printf(Locale.ROOT, "%-28s %5d %8.2f %8.2f %8.2f %+9.2f %8.1f %8.1f %8.1f %10.3f%n",
                        name(photo), edge, ours, vipsPsnr, quality.psnr(photo, sharp), ours - vipsPsnr,
                        rendition.bytes().length / 1024.0, vips.length / 1024.0, sharp.length / 1024.0, bytes);
            }
        }
        System.out.printf(Locale.ROOT, "ours-vips PSNR at worst %+.2f dB (target >= -%.1f); bytes ours/vips %.3f to %.3f "
                + "(target <= %.2f); %s%n", worstPsnr, PSNR_TOLERANCE, fewestBytes, mostBytes, 1 + BYTES_TOLERANCE,
                missed.isEmpty() ? "every rendition meets both" : "missed by " + String.join(", ", missed));
    }

    /** sharp's best warm time for the photo's whole set; it also leaves its renditions in {@code scratch}. */
    private static double sharp(Path script, Path modules, Path scratch, int quality, Path photo)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("node", script.toString(), scratch.toString(),
                Integer.toString(quality), Integer.toString(MEASURED_ROUNDS),
                RenditionSizes.LONG_EDGES.stream().map(String::valueOf).collect(Collectors.joining(",")), photo.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", modules.toString());
        Process process = builder.start();
        String[] fields = new String(process.getInputStream().readAllBytes()).trim().split("\t");
        if (process.waitFor() != 0 || fields.length != 2 || !fields[0].equals(name(photo))) {
            throw new IllegalStateException("sharp failed on " + photo + ": " + String.join(" ", fields));
        }
        return Double.parseDouble(fields[1]);
    }

    private static List<Integer> longEdges(RenderedPhoto rendered) {
        return rendered.renditions().stream().map(r -> Math.max(r.width(), r.height())).toList();
    }

    /** Where the other tools write a photo's rendition; the sharp script names its files alike. */
    private static Path output(Path scratch, String tool, Path photo, int edge) {
        return scratch.resolve(tool + "-" + name(photo) + "-" + edge + ".jpg");
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
        return photo.getFileName().toString().replaceFirst("\\.jpg$", "");
    }
}
