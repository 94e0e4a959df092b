package family.gallery.resize.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Lanczos-3 resampling of three-byte images ({@link BufferedImage#TYPE_3BYTE_BGR}), the filter
 * libvips and ImageMagick reduce photos with: separable, its support widened by the reduction
 * factor so that detail finer than the new pixel grid is filtered out rather than aliased. Weights
 * are fixed point; rows are shared among the cores.
 */
final class Lanczos3 {

    private static final int LOBES = 3;
    private static final int SHIFT = 14;
    private static final int ONE = 1 << SHIFT;
    private static final int HALF = ONE >> 1;

    private Lanczos3() {
    }

    static BufferedImage resize(BufferedImage source, int width, int height) {
        if (source.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("expected a TYPE_3BYTE_BGR image, got type " + source.getType());
        }
        int sourceWidth = source.getWidth();
        int sourceHeight = source.getHeight();
        byte[] pixels = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();

        // Rows first: that pass runs over whole rows of the larger image in a loop the JIT vectorises.
        Weights down = new Weights(sourceHeight, height);
        int sourceRow = sourceWidth * 3;
        byte[] shortened = new byte[sourceRow * height];
        IntStream.range(0, height).parallel().forEach(y -> down.resampleColumns(pixels, sourceRow, y, shortened));

        Weights across = new Weights(sourceWidth, width);
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] out = ((DataBufferByte) result.getRaster().getDataBuffer()).getData();
        IntStream.range(0, height).parallel().forEach(y -> across.resampleRow(shortened, y * sourceRow, out, y * width * 3));
        return result;
    }

    /** For each output position, the first source position it reads, how many, and their weights. */
    private static final class Weights {
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

        void resampleRow(byte[] source, int sourceOffset, byte[] target, int targetOffset) {
            for (int x = 0, o = targetOffset; x < first.length; x++) {
                int s = sourceOffset + first[x] * 3;
                int w = x * taps;
                int b = HALF, g = HALF, r = HALF;
                for (int t = 0, n = count[x]; t < n; t++, s += 3) {
                    int weight = weights[w + t];
                    b += weight * (source[s] & 0xFF);
                    g += weight * (source[s + 1] & 0xFF);
                    r += weight * (source[s + 2] & 0xFF);
                }
                target[o++] = clamp(b);
                target[o++] = clamp(g);
                target[o++] = clamp(r);
            }
        }

        void resampleColumns(byte[] source, int rowLength, int y, byte[] target) {
            int[] sums = new int[rowLength];
            Arrays.fill(sums, HALF);
            for (int t = 0, n = count[y]; t < n; t++) {
                int weight = weights[y * taps + t];
                int row = (first[y] + t) * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    sums[i] += weight * (source[row + i] & 0xFF);
                }
            }
            for (int i = 0, o = y * rowLength; i < rowLength; i++) {
                target[o + i] = clamp(sums[i]);
            }
        }
    }

    private static byte clamp(int fixed) {
        int value = fixed >> SHIFT;
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
