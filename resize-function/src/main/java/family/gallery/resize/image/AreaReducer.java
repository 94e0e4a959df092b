package family.gallery.resize.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Shrinks an image arriving row by row, top to bottom, by a whole factor: each output pixel is the
 * mean of a factor x factor block (of fewer pixels at the right and bottom edges). Only the reduced
 * image and one source row of sums are held, so a large original never needs its full size in
 * memory, and every source pixel counts, unlike subsampling, which drops pixels and lets fine detail
 * alias.
 */
final class AreaReducer {

    private final int width;
    private final int height;
    private final int factor;
    private final BufferedImage reduced;
    private final byte[] out;
    /** Each value of the source rows so far of the current block of rows, summed down. */
    private int[] columnSums = new int[0];
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
        // Rows are first summed value by value, a loop the JIT vectorises; across only once per block of rows.
        int length = (width - 1) * pixelStride + Math.max(red, Math.max(green, blue)) + 1;
        if (columnSums.length < length) {
            columnSums = Arrays.copyOf(columnSums, length);
        }
        int[] columnSums = this.columnSums;
        for (int i = 0; i < length; i++) {
            columnSums[i] += row[offset + i] & 0xFF;
        }
        if ((y + 1) % factor == 0 || y + 1 == height) {
            emit(y / factor, Math.min(factor, y - y / factor * factor + 1), pixelStride, red, green, blue);
        }
    }

    /** Forgets the rows so far: the source starts over with a better version of the image. */
    void restart() {
        nextRow = 0;
        Arrays.fill(columnSums, 0);
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

    private void emit(int reducedRow, int rows, int pixelStride, int red, int green, int blue) {
        int reducedWidth = reduced.getWidth();
        for (int x = 0, o = reducedRow * reducedWidth * 3, i = 0; x < reducedWidth; x++, o += 3) {
            int end = Math.min(width, (x + 1) * factor);
            int count = rows * (end - x * factor);
            int b = count / 2, g = count / 2, r = count / 2;
            for (int column = x * factor; column < end; column++, i += pixelStride) {
                b += columnSums[i + blue];
                g += columnSums[i + green];
                r += columnSums[i + red];
            }
            out[o] = (byte) (b / count);
            out[o + 1] = (byte) (g / count);
            out[o + 2] = (byte) (r / count);
        }
        Arrays.fill(columnSums, 0);
        reducedRows.accept(reducedRow + 1);
    }
}
