package family.gallery.site.render;

import java.util.Locale;

/**
 * The justified grid needs each tile's aspect ratio in CSS, and a strict CSP forbids inline styles,
 * so ratios are rounded to hundredths and each has a class that sets {@code --ar}. The stylesheet
 * derives the tile's width, flex-grow and height from it.
 */
public final class AspectRatioClasses {

    static final int MIN = 25;
    static final int MAX = 400;

    private AspectRatioClasses() {
    }

    public static String of(double aspectRatio) {
        return "ar-" + hundredths(aspectRatio);
    }

    static int hundredths(double aspectRatio) {
        if (!(aspectRatio > 0) || Double.isInfinite(aspectRatio)) {
            return 100;
        }
        return (int) Math.max(MIN, Math.min(MAX, Math.round(aspectRatio * 100)));
    }

    public static String stylesheet() {
        StringBuilder css = new StringBuilder((MAX - MIN + 1) * 22);
        for (int ratio = MIN; ratio <= MAX; ratio++) {
            css.append(String.format(Locale.ROOT, ".ar-%d{--ar:%d.%02d}%n", ratio, ratio / 100, ratio % 100));
        }
        return css.toString();
    }
}
