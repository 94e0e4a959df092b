package family.gallery.resize.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the web version is encoded: H.264 High profile and AAC in MP4 play in every current browser
 * on desktop, Android and iOS, which HEVC (what iPhones record) does not. At most 1080p in the
 * video's own orientation, never upscaled; at most 60 frames a second (slow-motion clips play at 30);
 * HDR tone-mapped to ordinary BT.709; the index ({@code moov}) first so playback starts before
 * the download ends; no metadata, so no location leaves the original.
 *
 * <p>Quality: constant rate factor 23 with the {@code veryfast} preset; a peak of 8 Mbit/s keeps a
 * busy 1080p scene streamable on a phone connection while typical family clips come out at 2 to 5 Mbit/s.
 */
final class WebVersionSettings {

    static final int LONG_EDGE = 1920;
    static final int SHORT_EDGE = 1080;
    static final double MAX_FRAME_RATE = 60;
    static final int SLOW_MOTION_FRAME_RATE = 30;

    private WebVersionSettings() {
    }

    /** The displayed size scaled to fit 1920x1080 (or 1080x1920), never up, both sides even. */
    static int[] size(int width, int height) {
        boolean landscape = width >= height;
        double fit = Math.min(1.0, Math.min((double) (landscape ? LONG_EDGE : SHORT_EDGE) / width,
                (double) (landscape ? SHORT_EDGE : LONG_EDGE) / height));
        return new int[] {even(width * fit), even(height * fit)};
    }

    private static int even(double pixels) {
        return Math.max(2, (int) Math.round(pixels / 2) * 2);
    }

    /** ffmpeg's arguments from input to output; ffmpeg turns the picture upright itself (autorotate). */
    static List<String> arguments(String input, VideoProbe probe, String output) {
        int[] size = size(probe.width(), probe.height());
        List<String> filters = new ArrayList<>();
        filters.add("scale=" + size[0] + ":" + size[1]);
        if (probe.framesPerSecond() > MAX_FRAME_RATE) {
            filters.add("fps=" + SLOW_MOTION_FRAME_RATE);
        }
        if (probe.isHdr()) {
            // Linear light, BT.709 primaries, a filmic curve, then back to BT.709's transfer: scaled first,
            // so the costly floating-point steps run at 1080p.
            filters.add("zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,"
                    + "zscale=t=bt709:m=bt709:r=tv");
        }
        filters.add("format=yuv420p");
        List<String> arguments = new ArrayList<>(List.of("-i", input, "-map", "0:v:0", "-map", "0:a:0?",
                "-map_metadata", "-1", "-map_chapters", "-1", "-sn", "-dn",
                "-vf", String.join(",", filters),
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-maxrate", "8M", "-bufsize", "16M",
                "-profile:v", "high", "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709"));
        if (probe.hasAudio()) {
            arguments.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2"));
        }
        arguments.addAll(List.of("-movflags", "+faststart", "-f", "mp4", output));
        return arguments;
    }

    /** e.g. {@code 0:42}, {@code 12:05}, {@code 1:02:05}. */
    static String clock(long millis) {
        long seconds = Math.round(millis / 1000.0);
        long hours = seconds / 3600;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
