package family.gallery.heif.hevc;

/**
 * One decoded HEVC picture, as the decoder stores it: a luma plane and, unless monochrome, two
 * chroma planes, each sample one byte (8-bit) or two little-endian bytes (more than 8 bits).
 *
 * @param chromaFormat       0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param fullRange          the stream's own video_full_range_flag (false when it does not say)
 * @param matrixCoefficients the stream's own ITU-T H.273 matrix (-1 when it does not say)
 */
public record HevcPicture(int width, int height, int chromaFormat, int lumaBits, int chromaBits, Plane luma,
        Plane cb, Plane cr, boolean fullRange, int matrixCoefficients) {

    public static final int MONOCHROME = 0;
    public static final int CHROMA_420 = 1;
    public static final int CHROMA_422 = 2;

    /** Horizontal chroma subsampling as a shift: 1 for 4:2:0 and 4:2:2. */
    public int chromaShiftX() {
        return chromaFormat == CHROMA_420 || chromaFormat == CHROMA_422 ? 1 : 0;
    }

    /** Vertical chroma subsampling as a shift: 1 for 4:2:0. */
    public int chromaShiftY() {
        return chromaFormat == CHROMA_420 ? 1 : 0;
    }

    /** Samples of one plane, {@code stride} bytes per row. */
    public record Plane(byte[] data, int stride, int bytesPerSample) {

        public int sample(int x, int y) {
            int at = y * stride + x * bytesPerSample;
            return bytesPerSample == 1 ? data[at] & 0xff : (data[at] & 0xff) | (data[at + 1] & 0xff) << 8;
        }
    }
}
