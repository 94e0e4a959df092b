package family.gallery.resize.image;

import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * A full-size sRGB destination for the JDK's JPEG reader that stores nothing: the reader copies each
 * decoded row into its destination with {@link #setRect(int, int, Raster)}, which here passes the row
 * on to an {@link AreaReducer}. Any other access to its pixels fails, as it has none. A progressive
 * JPEG is delivered once per scan, each time more complete; only the last is reduced.
 */
final class RowSink extends WritableRaster {

    private final AreaReducer reducer;
    private final int passes;
    private int pass;

    private RowSink(AreaReducer reducer, int passes) {
        super(new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, reducer.width(), reducer.height(), 3,
                reducer.width() * 3, new int[] {0, 1, 2}), new DataBufferByte(1), new Point(0, 0));
        this.reducer = reducer;
        this.passes = passes;
    }

    /** @param passes how often the image will be delivered: the JPEG's number of scans */
    static BufferedImage destination(AreaReducer reducer, int passes) {
        ComponentColorModel srgb = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(srgb, new RowSink(reducer, passes), false, null);
    }

    @Override
    public void setRect(int dx, int dy, Raster rows) {
        if (dx != 0 || rows.getWidth() != getWidth() || !(rows.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || !(rows.getDataBuffer() instanceof DataBufferByte buffer)) {
            throw new UnsupportedOperationException("only whole rows of interleaved bytes can be passed on");
        }
        if (dy == 0 && ++pass > passes) {
            reducer.restart(); // more passes than scans: the last one still wins
        }
        if (pass < passes) {
            return;
        }
        int[] bands = model.getBandOffsets();
        int offset = buffer.getOffset() + model.getOffset(rows.getMinX() - rows.getSampleModelTranslateX(),
                rows.getMinY() - rows.getSampleModelTranslateY());
        for (int y = 0; y < rows.getHeight(); y++) {
            reducer.accept(dy + y, buffer.getData(), offset + y * model.getScanlineStride(), model.getPixelStride(),
                    bands[0], bands[1], bands[2]);
        }
    }
}
