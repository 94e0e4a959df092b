package family.gallery.resize.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Shrinks an image arriving row by row, top to bottom, by a whole factor: each output pixel is the
 * mean of a factor x factor block (of fewer pixels at the right and bottom edges). Only the reduced
 * image and one row of sums are held, so a large original never needs its full size in memory, and
 * every source pixel counts, unlike subsampling, which drops pixels and lets fine detail alias.
 */
final class AreaReducer {

    private final int width;
    private final int height;
    private final int factor;
    private final BufferedImage reduced;
    private final byte[] out;
    private final int[] sums;
    private IntConsumer reducedRows = rows -> { };
    private int nextRow;

    AreaReducer(int width, int height, int factor) {
        this.width = width;
        this.height = height;
        this.factor = factor;
        int reducedWidth = (width + factor - 1) / factor;
        int reducedHeight = (height + factor - 1) / factor;
        this.reduced = new BufferedImage(reducedWidth, reducedHeight, BufferedImage.TYPE_3BYTE_BGR);
        this.out = ((DataBufferByte) reduced.getRaster().getDataBuffer()).getData();
        this.sums = new int[reducedWidth * 3];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The image being filled; its rows are final once {@link #whenRowsReduced} reports them. */
    BufferedImage reduced() {
        return reduced;
    }

    /** Tells {@code listener} how many reduced rows are complete each time one more is. */
    void whenRowsReduced(IntConsumer listener) {
        this.reducedRows = listener;
    }

    /**
     * Adds source row {@code y}: pixel x's red, green and blue at {@code offset + x * pixelStride}
     * plus {@code red}, {@code green} and {@code blue}.
     */
    void accept(int y, byte[] row, int offset, int pixelStride, int red, int green, int blue) {
        if (y != nextRow) {
            throw new IllegalStateException("rows must arrive in order: expected " + nextRow + ", got " + y);
        }
        nextRow++;
        if (factor == 1) {
            copy(y, row, offset, pixelStride, red, green, blue);
            return;
        }
        int[] sums = this.sums;
        for (int s = 0, x = 0, i = offset; x < width; s += 3) {
            int end = Math.min(width, x + factor);
            int b = 0, g = 0, r = 0;
            for (; x < end; x++, i += pixelStride) {
                b += row[i + blue] & 0xFF;
                g += row[i + green] & 0xFF;
                r += row[i + red] & 0xFF;
            }
            sums[s] += b;
            sums[s + 1] += g;
            sums[s + 2] += r;
        }
        if ((y + 1) % factor == 0 || y + 1 == height) {
            emit(y / factor, Math.min(factor, y - y / factor * factor + 1));
        }
    }

    /** Forgets the rows so far: the source starts over with a better version of the image. */
    void restart() {
        nextRow = 0;
        Arrays.fill(sums, 0);
        reducedRows.accept(0);
    }

    /** The reduced image, complete once every source row has arrived. */
    BufferedImage result() {
        if (nextRow != height) {
            throw new IllegalStateException("only " + nextRow + " of " + height + " rows arrived");
        }
        return reduced;
    }

    private void copy(int y, byte[] row, int offset, int pixelStride, int red, int green, int blue) {
        for (int x = 0, i = offset, o = y * width * 3; x < width; x++, i += pixelStride, o += 3) {
            out[o] = row[i + blue];
            out[o + 1] = row[i + green];
            out[o + 2] = row[i + red];
        }
        reducedRows.accept(y + 1);
    }

    private void emit(int reducedRow, int rows) {
        int reducedWidth = reduced.getWidth();
        int base = reducedRow * reducedWidth * 3;
        for (int x = 0; x < reducedWidth; x++) {
            int count = rows * Math.min(factor, width - x * factor);
            int half = count / 2;
            for (int c = 0; c < 3; c++) {
                int s = x * 3 + c;
                out[base + s] = (byte) ((sums[s] + half) / count);
                sums[s] = 0;
            }
        }
        reducedRows.accept(reducedRow + 1);
    }
}
