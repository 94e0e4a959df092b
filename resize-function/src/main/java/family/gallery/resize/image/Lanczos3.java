package family.gallery.resize.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lanczos-3 resampling of opaque images ({@link BufferedImage#TYPE_3BYTE_BGR} or
 * {@link BufferedImage#TYPE_INT_RGB}) to three-byte ones, the filter libvips and ImageMagick reduce
 * photos with: separable, its support widened by the reduction factor so that detail finer than the
 * new pixel grid is filtered out rather than aliased. Weights are fixed point; bands of rows are
 * shared among the cores.
 */
final class Lanczos3 {

    private static final int LOBES = 3;
    private static final int SHIFT = 14;
    private static final int ONE = 1 << SHIFT;
    /**
     * Fraction bits the first pass keeps for the second: rounding to whole levels in between adds
     * noise that costs about 0.1 dB of PSNR on a smooth photo.
     */
    private static final int FRACTION = 6;
    private static final int MOST_BETWEEN = 255 << FRACTION;

    private Lanczos3() {
    }

    static BufferedImage resize(BufferedImage source, int width, int height) {
        Streaming streaming = new Streaming(source, width, height);
        streaming.rowsArrived(source.getHeight());
        return streaming.finish();
    }

    /**
     * Resampling that starts while the source is still being filled top to bottom (by a decoder):
     * each band of output rows is filtered from its source rows on another core as soon as they have
     * arrived, so the decoding thread and the filtering overlap. A band takes each of its rows through
     * both passes at once, so no intermediate image of the source's width is ever held.
     */
    static final class Streaming {
        private static final int BAND = 32;

        private final SourceRows source;
        private final int width;
        private final int height;
        private final Weights down;
        private final Weights across;
        private final BufferedImage result;
        private final byte[] out;
        private final List<Band> bands = new ArrayList<>();
        private int arrived;
        private int nextRow;

        Streaming(BufferedImage source, int width, int height) {
            this.source = SourceRows.of(source);
            this.width = width;
            this.height = height;
            this.down = new Weights(source.getHeight(), height);
            this.across = new Weights(source.getWidth(), width);
            this.result = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            this.out = ((DataBufferByte) result.getRaster().getDataBuffer()).getData();
        }

        /** The source's first {@code rows} rows are complete; fewer than before means it started over. */
        void rowsArrived(int rows) {
            if (rows < arrived) {
                bands.forEach(band -> band.task.join()); // none may still read or write what the new rows will
                bands.clear();
                nextRow = 0;
            }
            arrived = rows;
            while (nextRow < height) {
                int end = Math.min(height, nextRow + BAND);
                if (down.lastSource(end - 1) >= rows) {
                    return;
                }
                Band band = new Band(nextRow, end);
                bands.add(band);
                band.task = ForkJoinPool.commonPool().submit(band);
                nextRow = end;
            }
        }

        /** The resampled image, once every source row has arrived. */
        BufferedImage finish() {
            List<Band> elsewhere = new ArrayList<>();
            for (Band band : bands) {
                if (!band.filter()) { // this thread takes every band no other core has started
                    elsewhere.add(band);
                }
            }
            // Only those: the tasks of the others may wait in the pool's queue behind an encoding.
            elsewhere.forEach(band -> band.task.join());
            return result;
        }

        /** Output rows filtered from their source rows, run once by whichever thread claims them first. */
        private final class Band extends AtomicBoolean implements Runnable {
            private final int from;
            private final int end;
            private ForkJoinTask<?> task;

            Band(int from, int end) {
                this.from = from;
                this.end = end;
            }

            @Override
            public void run() {
                filter();
            }

            /** False if another thread claimed the band first. */
            boolean filter() {
                if (!compareAndSet(false, true)) {
                    return false;
                }
                int[] sums = new int[source.rowLength()];
                short[] row = new short[source.rowLength()];
                // Down first: that pass runs over whole rows of the larger image in a loop the JIT vectorises.
                for (int y = from; y < end; y++) {
                    down.resampleColumns(source, y, sums, row);
                    across.resampleRow(row, out, y * width * 3);
                }
                return true;
            }
        }
    }

    /** The source image's rows, each added to running sums as blue, green and red per pixel. */
    private sealed interface SourceRows {

        static SourceRows of(BufferedImage image) {
            return switch (image.getType()) {
                case BufferedImage.TYPE_3BYTE_BGR -> new BgrBytes(
                        ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), image.getWidth() * 3);
                case BufferedImage.TYPE_INT_RGB -> new RgbInts(
                        ((DataBufferInt) image.getRaster().getDataBuffer()).getData(), image.getWidth());
                default -> throw new IllegalArgumentException(
                        "expected a TYPE_3BYTE_BGR or TYPE_INT_RGB image, got type " + image.getType());
            };
        }

        /** Values in a row: three a pixel. */
        int rowLength();

        /** Adds pixels {@code from} to {@code to} (exclusive) of {@code row}, weighted, to their sums. */
        void addWeighted(int row, int weight, int[] sums, int from, int to);
    }

    private record BgrBytes(byte[] pixels, int rowLength) implements SourceRows {
        @Override
        public void addWeighted(int row, int weight, int[] sums, int from, int to) {
            for (int i = from * 3, s = row * rowLength + i, end = to * 3; i < end; i++, s++) {
                sums[i] += weight * (pixels[s] & 0xFF);
            }
        }
    }

    /** Packed pixels as decoded (HEIF), read where they lie rather than copied to three bytes first. */
    private record RgbInts(int[] pixels, int width) implements SourceRows {
        @Override
        public int rowLength() {
            return width * 3;
        }

        @Override
        public void addWeighted(int row, int weight, int[] sums, int from, int to) {
            for (int x = from, s = row * width + from, i = from * 3; x < to; x++, s++, i += 3) {
                int pixel = pixels[s];
                sums[i] += weight * (pixel & 0xFF);
                sums[i + 1] += weight * (pixel >> 8 & 0xFF);
                sums[i + 2] += weight * (pixel >> 16 & 0xFF);
            }
        }
    }

    /** For each output position, the first source position it reads, how many, and their weights. */
    private static final class Weights {
        /** Pixels of a row filtered down together: their sums take 6 KB. */
        private static final int STRETCH = 512;

        final int[] first;
        final int[] count;
        final int[] weights;
        final int taps;

        Weights(int sourceSize, int targetSize) {
            double scale = (double) sourceSize / targetSize;
            double stretch = Math.max(1, scale); // widen the kernel when reducing
            double support = LOBES * stretch;
            taps = (int) Math.ceil(2 * support) + 1;
            first = new int[targetSize];
            count = new int[targetSize];
            weights = new int[targetSize * taps];
            double[] exact = new double[taps];
            for (int i = 0; i < targetSize; i++) {
                double centre = (i + 0.5) * scale - 0.5;
                int from = Math.max(0, (int) Math.floor(centre - support) + 1);
                int to = Math.min(sourceSize - 1, (int) Math.ceil(centre + support) - 1);
                int n = Math.max(1, to - from + 1);
                double total = 0;
                for (int t = 0; t < n; t++) {
                    exact[t] = n == 1 ? 1 : lanczos((from + t - centre) / stretch);
                    total += exact[t];
                }
                int sum = 0;
                int peak = 0;
                for (int t = 0; t < n; t++) {
                    int w = (int) Math.round(exact[t] / total * ONE);
                    weights[i * taps + t] = w;
                    sum += w;
                    if (w > weights[i * taps + peak]) {
                        peak = t;
                    }
                }
                weights[i * taps + peak] += ONE - sum; // rounding must not shift flat areas' brightness
                first[i] = Math.min(from, sourceSize - 1);
                count[i] = n;
            }
        }

        int lastSource(int target) {
            return first[target] + count[target] - 1;
        }

        void resampleRow(short[] source, byte[] target, int targetOffset) {
            int half = 1 << (SHIFT + FRACTION - 1);
            for (int x = 0, o = targetOffset; x < first.length; x++) {
                int s = first[x] * 3;
                int w = x * taps;
                int b = half, g = half, r = half;
                for (int t = 0, n = count[x]; t < n; t++, s += 3) {
                    int weight = weights[w + t];
                    b += weight * source[s];
                    g += weight * source[s + 1];
                    r += weight * source[s + 2];
                }
                target[o++] = toByte(b >> (SHIFT + FRACTION));
                target[o++] = toByte(g >> (SHIFT + FRACTION));
                target[o++] = toByte(r >> (SHIFT + FRACTION));
            }
        }

        /** Output row {@code y} of the vertical pass into {@code target}, {@code sums} its scratch space. */
        void resampleColumns(SourceRows source, int y, int[] sums, short[] target) {
            int pixels = sums.length / 3;
            // A stretch of the row at a time, so that its sums stay in the core's fastest cache over all the taps.
            for (int from = 0; from < pixels; from += STRETCH) {
                int to = Math.min(pixels, from + STRETCH);
                Arrays.fill(sums, from * 3, to * 3, 1 << (SHIFT - FRACTION - 1));
                for (int t = 0, n = count[y]; t < n; t++) {
                    source.addWeighted(first[y] + t, weights[y * taps + t], sums, from, to);
                }
                for (int i = from * 3; i < to * 3; i++) {
                    int value = sums[i] >> (SHIFT - FRACTION);
                    target[i] = (short) (value < 0 ? 0 : Math.min(value, MOST_BETWEEN));
                }
            }
        }
    }

    private static byte toByte(int value) {
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }

    private static double lanczos(double x) {
        if (x == 0) {
            return 1;
        }
        if (Math.abs(x) >= LOBES) {
            return 0;
        }
        double px = Math.PI * x;
        return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
    }
}
