package family.gallery.resize.image;

import java.util.ArrayList;
import java.util.List;

/**
 * The long edges renditions are made at. 480 px is the grid thumbnail, sharp at 2x pixel density
 * in a 240 CSS px cell; 2048 px is the full-screen size (a 1080p or 1440p screen, a phone held
 * either way at 3x); 720, 1080 and 1440 fill the {@code srcset} between them in steps of about 1.5,
 * so a browser never fetches much more than twice the pixels it shows.
 */
public final class RenditionSizes {

    public static final List<Integer> LONG_EDGES = List.of(480, 720, 1080, 1440, 2048);
    public static final int FULL_SCREEN = LONG_EDGES.get(LONG_EDGES.size() - 1);

    private RenditionSizes() {
    }

    /** Long edges for an original whose long edge is {@code original}: never upscaled, largest last. */
    public static List<Integer> forLongEdge(int original) {
        List<Integer> edges = new ArrayList<>();
        for (int edge : LONG_EDGES) {
            if (edge < original) {
                edges.add(edge);
            }
        }
        int largest = Math.min(original, FULL_SCREEN);
        if (edges.isEmpty() || edges.get(edges.size() - 1) != largest) {
            edges.add(largest);
        }
        return edges;
    }

    /** {@code width x height} scaled so that its long edge is {@code longEdge}, each side at least 1 px. */
    public static int[] scaled(int width, int height, int longEdge) {
        double factor = (double) longEdge / Math.max(width, height);
        return new int[] {Math.max(1, (int) Math.round(width * factor)), Math.max(1, (int) Math.round(height * factor))};
    }
}
