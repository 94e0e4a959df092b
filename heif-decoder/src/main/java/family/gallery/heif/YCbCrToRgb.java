package family.gallery.heif;

import family.gallery.heif.hevc.HevcPicture;

/**
 * Turns decoded Y'CbCr samples into 8-bit R'G'B', averaging {@code reduction} x {@code reduction}
 * blocks on the way (an area filter: a reduced picture keeps all the detail it can show and does
 * not alias). Chroma is upsampled by repeating samples, as libheif does by default.
 */
final class YCbCrToRgb {

    private final double crToR;
    private final double cbToG;
    private final double crToG;
    private final double cbToB;
    private final boolean fullRange;

    /**
     * @param matrixCoefficients ITU-T H.273 code point: 1 BT.709, 5 and 6 BT.601, 9 and 10 BT.2020;
     *                           anything else (unspecified, 2) is read as BT.601, as phones write it
     */
    YCbCrToRgb(int matrixCoefficients, boolean fullRange) {
        double kr;
        double kb;
        switch (matrixCoefficients) {
            case 1 -> { kr = 0.2126; kb = 0.0722; }
            case 9, 10 -> { kr = 0.2627; kb = 0.0593; }
            default -> { kr = 0.299; kb = 0.114; }
        }
        double kg = 1 - kr - kb;
        crToR = 2 * (1 - kr);
        cbToB = 2 * (1 - kb);
        cbToG = -cbToB * kb / kg;
        crToG = -crToR * kr / kg;
        this.fullRange = fullRange;
    }

    /**
     * Converts the picture (its top-left {@code width} x {@code height} samples) into
     * {@code target}, a packed 0xRRGGBB array {@code targetWidth} pixels wide, at ({@code atX},
     * {@code atY}) in reduced pixels. Pixels that would fall outside the target are skipped.
     */
    void convert(HevcPicture picture, int width, int height, int reduction, int[] target, int targetWidth,
            int targetHeight, int atX, int atY) {
        if (reduction == 1 && picture.lumaBits() == 8 && picture.chromaBits() == 8
                && picture.chromaFormat() != HevcPicture.MONOCHROME) {
            convertEightBit(picture, Math.min(width, targetWidth - atX), Math.min(height, targetHeight - atY), target,
                    targetWidth, atX, atY);
            return;
        }
        Normaliser luma = new Normaliser(picture.lumaBits(), fullRange, false);
        boolean monochrome = picture.chromaFormat() == HevcPicture.MONOCHROME;
        Normaliser chroma = monochrome ? null : new Normaliser(picture.chromaBits(), fullRange, true);
        int shiftX = picture.chromaShiftX();
        int shiftY = picture.chromaShiftY();
        int outWidth = Math.min((width + reduction - 1) / reduction, targetWidth - atX);
        int outHeight = Math.min((height + reduction - 1) / reduction, targetHeight - atY);
        double[] sums = new double[3 * Math.max(0, outWidth)];
        for (int oy = 0; oy < outHeight; oy++) {
            java.util.Arrays.fill(sums, 0);
            int y0 = oy * reduction;
            int y1 = Math.min(height, y0 + reduction);
            for (int y = y0; y < y1; y++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    int x0 = ox * reduction;
                    int x1 = Math.min(width, x0 + reduction);
                    for (int x = x0; x < x1; x++) {
                        double yv = luma.apply(picture.luma().sample(x, y));
                        double r = yv;
                        double g = yv;
                        double b = yv;
                        if (!monochrome) {
                            double cb = chroma.apply(picture.cb().sample(x >> shiftX, y >> shiftY));
                            double cr = chroma.apply(picture.cr().sample(x >> shiftX, y >> shiftY));
                            r += crToR * cr;
                            g += cbToG * cb + crToG * cr;
                            b += cbToB * cb;
                        }
                        sums[3 * ox] += r;
                        sums[3 * ox + 1] += g;
                        sums[3 * ox + 2] += b;
                    }
                }
            }
            int rowStart = (atY + oy) * targetWidth + atX;
            for (int ox = 0; ox < outWidth; ox++) {
                int count = (y1 - y0) * (Math.min(width, ox * reduction + reduction) - ox * reduction);
                target[rowStart + ox] = eightBit(sums[3 * ox] / count) << 16 | eightBit(sums[3 * ox + 1] / count) << 8
                        | eightBit(sums[3 * ox + 2] / count);
            }
        }
    }

    /** The common case (8-bit colour at full size) in fixed point through tables: several times faster. */
    private void convertEightBit(HevcPicture picture, int width, int height, int[] target, int targetWidth, int atX,
            int atY) {
        int[] yTable = new int[256];
        int[] crR = new int[256];
        int[] cbG = new int[256];
        int[] crG = new int[256];
        int[] cbB = new int[256];
        Normaliser luma = new Normaliser(8, fullRange, false);
        Normaliser chroma = new Normaliser(8, fullRange, true);
        for (int v = 0; v < 256; v++) {
            double c = chroma.apply(v);
            yTable[v] = (int) Math.round(luma.apply(v) * 255 * 65536) + 32768; // rounding folded in
            crR[v] = (int) Math.round(crToR * c * 255 * 65536);
            cbG[v] = (int) Math.round(cbToG * c * 255 * 65536);
            crG[v] = (int) Math.round(crToG * c * 255 * 65536);
            cbB[v] = (int) Math.round(cbToB * c * 255 * 65536);
        }
        byte[] ys = picture.luma().data();
        byte[] cbs = picture.cb().data();
        byte[] crs = picture.cr().data();
        int yStride = picture.luma().stride();
        int cStride = picture.cb().stride();
        int shiftX = picture.chromaShiftX();
        int shiftY = picture.chromaShiftY();
        for (int y = 0; y < height; y++) {
            int yRow = y * yStride;
            int cRow = (y >> shiftY) * cStride;
            int out = (atY + y) * targetWidth + atX;
            for (int x = 0; x < width; x++) {
                int l = yTable[ys[yRow + x] & 0xff];
                int cb = cbs[cRow + (x >> shiftX)] & 0xff;
                int cr = crs[cRow + (x >> shiftX)] & 0xff;
                target[out + x] = clamp((l + crR[cr]) >> 16) << 16 | clamp((l + cbG[cb] + crG[cr]) >> 16) << 8
                        | clamp((l + cbB[cb]) >> 16);
            }
        }
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }

    /**
     * Converts a monochrome auxiliary picture (alpha) into the top byte of {@code target}'s
     * pixels, averaged like the colour. Alpha is stored full range.
     */
    static void mergeAlpha(HevcPicture picture, int width, int height, int reduction, int[] target, int targetWidth,
            int targetHeight, int atX, int atY) {
        double max = (1 << picture.lumaBits()) - 1;
        int outWidth = Math.min((width + reduction - 1) / reduction, targetWidth - atX);
        int outHeight = Math.min((height + reduction - 1) / reduction, targetHeight - atY);
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                double sum = 0;
                int count = 0;
                for (int y = oy * reduction; y < Math.min(height, oy * reduction + reduction); y++) {
                    for (int x = ox * reduction; x < Math.min(width, ox * reduction + reduction); x++) {
                        sum += picture.luma().sample(x, y);
                        count++;
                    }
                }
                int at = (atY + oy) * targetWidth + atX + ox;
                target[at] = (target[at] & 0xffffff) | eightBit(sum / count / max) << 24;
            }
        }
    }

    private static int eightBit(double value) {
        int v = (int) Math.round(value * 255);
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** Sample value to [0, 1] (luma) or [-0.5, 0.5] (chroma), full or limited ("video") range. */
    private static final class Normaliser {
        private final double offset;
        private final double scale;

        Normaliser(int bits, boolean fullRange, boolean chroma) {
            double unit = 1 << (bits - 8);
            if (fullRange) {
                offset = chroma ? 128 * unit : 0;
                scale = 1.0 / ((1 << bits) - 1);
            } else {
                offset = (chroma ? 128 : 16) * unit;
                scale = 1.0 / ((chroma ? 224 : 219) * unit);
            }
        }

        double apply(int sample) {
            return (sample - offset) * scale;
        }
    }
}
