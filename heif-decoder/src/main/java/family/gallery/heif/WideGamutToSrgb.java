package family.gallery.heif;

/**
 * Brings pixels tagged only by code points (a {@code colr nclx} box, as Android phones write, with
 * no ICC profile) from Display P3 or BT.2020 primaries into sRGB: decode the transfer curve,
 * convert the primaries in linear light, clip, encode with the sRGB curve. Files with an ICC
 * profile go through the colour management system instead.
 */
final class WideGamutToSrgb {

    /** ITU-T H.273 colour primaries. */
    static final int BT709 = 1, BT2020 = 9, DISPLAY_P3 = 12;

    private static final double[] SRGB = {0.64, 0.33, 0.30, 0.60, 0.15, 0.06};
    private static final double[] P3 = {0.680, 0.320, 0.265, 0.690, 0.150, 0.060};
    private static final double[] REC2020 = {0.708, 0.292, 0.170, 0.797, 0.131, 0.046};
    private static final double WHITE_X = 0.3127, WHITE_Y = 0.3290;

    private final double[] matrix;
    private final double[] toLinear = new double[256];
    private final int[] toSrgb = new int[4096];

    private WideGamutToSrgb(double[] primaries) {
        matrix = multiply(invert(rgbToXyz(SRGB)), rgbToXyz(primaries));
        for (int i = 0; i < 256; i++) {
            toLinear[i] = srgbDecode(i / 255.0); // P3 uses the sRGB curve; BT.2020 SDR's is close to it
        }
        for (int i = 0; i < toSrgb.length; i++) {
            toSrgb[i] = (int) Math.round(255 * srgbEncode(i / (double) (toSrgb.length - 1)));
        }
    }

    /** A converter for these primaries, or null when the pixels are sRGB already (or the primaries are unknown). */
    static WideGamutToSrgb forPrimaries(int colourPrimaries) {
        return switch (colourPrimaries) {
            case DISPLAY_P3 -> new WideGamutToSrgb(P3);
            case BT2020 -> new WideGamutToSrgb(REC2020);
            default -> null;
        };
    }

    void apply(int[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            double r = toLinear[p >> 16 & 0xff];
            double g = toLinear[p >> 8 & 0xff];
            double b = toLinear[p & 0xff];
            pixels[i] = (p & 0xff000000) | encode(matrix[0] * r + matrix[1] * g + matrix[2] * b) << 16
                    | encode(matrix[3] * r + matrix[4] * g + matrix[5] * b) << 8
                    | encode(matrix[6] * r + matrix[7] * g + matrix[8] * b);
        }
    }

    private int encode(double linear) {
        double clipped = linear < 0 ? 0 : Math.min(linear, 1);
        return toSrgb[(int) Math.round(clipped * (toSrgb.length - 1))];
    }

    private static double srgbDecode(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double srgbEncode(double v) {
        return v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    }

    /** RGB to XYZ for primaries {rx, ry, gx, gy, bx, by} and the D65 white point. */
    private static double[] rgbToXyz(double[] p) {
        double[] primaries = {
            p[0] / p[1], p[2] / p[3], p[4] / p[5],
            1, 1, 1,
            (1 - p[0] - p[1]) / p[1], (1 - p[2] - p[3]) / p[3], (1 - p[4] - p[5]) / p[5]};
        double[] white = {WHITE_X / WHITE_Y, 1, (1 - WHITE_X - WHITE_Y) / WHITE_Y};
        double[] inverse = invert(primaries);
        double[] s = new double[3];
        for (int row = 0; row < 3; row++) {
            s[row] = inverse[3 * row] * white[0] + inverse[3 * row + 1] * white[1] + inverse[3 * row + 2] * white[2];
        }
        double[] m = new double[9];
        for (int i = 0; i < 9; i++) {
            m[i] = primaries[i] * s[i % 3];
        }
        return m;
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] m = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[3 * row + col] = a[3 * row] * b[col] + a[3 * row + 1] * b[3 + col] + a[3 * row + 2] * b[6 + col];
            }
        }
        return m;
    }

    private static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[] {
            (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det};
    }
}
