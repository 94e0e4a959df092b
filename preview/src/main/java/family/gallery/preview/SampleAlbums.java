package family.gallery.preview;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * The sample albums the preview loads when it is given no folder of its own: painted landscapes of
 * varied sizes and orientations, a nested album, an album.yml with a title and captions, and, where
 * Debian's heif-enc and ffmpeg are installed, a phone's Live Photo (a HEIC and its MOV) and a phone's video clip,
 * and where exiftool is, a photo with a camera's EXIF and its own caption; the garden offers its originals.
 */
public final class SampleAlbums {

    /** One picture to paint: its file name, size and the hue of its sky. */
    private record Picture(String fileName, int width, int height, float hue) {
    }

    private static final List<Picture> SEA = List.of(
            new Picture("Morning swim.jpg", 3000, 2000, 0.55f),
            new Picture("Lighthouse.jpg", 2000, 3000, 0.60f),
            new Picture("The whole bay.jpg", 4800, 1600, 0.52f),
            new Picture("Sandcastle & moat #2.jpg", 2400, 2400, 0.12f),
            new Picture("Sunset + ice cream.jpg", 3000, 2000, 0.05f),
            new Picture("Été — dernière soirée 🌅.jpg", 1800, 2700, 0.95f));
    private static final List<Picture> DAY_TRIP = List.of(
            new Picture("Harbour.jpg", 2400, 1600, 0.58f),
            new Picture("Ferry.jpg", 1600, 2400, 0.50f),
            new Picture("Island path.jpg", 2400, 1600, 0.30f));
    private static final List<Picture> GARDEN = List.of(
            new Picture("Tulips.jpg", 2000, 1500, 0.25f),
            new Picture("Apple tree.jpg", 1500, 2000, 0.28f),
            new Picture("Pond.jpg", 2000, 1500, 0.45f),
            new Picture("Bench.jpg", 1200, 1200, 0.33f));

    private static final String SEA_ALBUM = "Summer by the sea";
    private static final String GARDEN_ALBUM = "Garden";

    private SampleAlbums() {
    }

    /** The top-level album folders {@link #write} makes under {@code dir}, each to upload as one album. */
    public static List<Path> albums(Path dir) {
        return List.of(dir.resolve(SEA_ALBUM), dir.resolve(GARDEN_ALBUM));
    }

    /** Writes the albums under {@code dir} (as {@code dir/<album>/...}) and returns how many photos and videos it wrote. */
    public static int write(Path dir) {
        Path sea = dir.resolve(SEA_ALBUM);
        int photos = paint(sea, SEA) + paint(sea.resolve("Day trip"), DAY_TRIP) + paint(dir.resolve(GARDEN_ALBUM), GARDEN)
                + livePhoto(sea.resolve("Day trip"), "IMG_2041", new Picture("IMG_2041.HEIC", 3024, 4032, 0.57f))
                + phoneClip(sea, "Waves at the pier.MOV", new Picture("waves", 720, 1280, 0.53f));
        describeTulips(dir.resolve(GARDEN_ALBUM));
        writeText(dir.resolve(GARDEN_ALBUM).resolve("album.yml"), "originals: true\n");
        writeText(sea.resolve("album.yml"), """
                title: Summer by the sea
                date: 2026-07-14
                description: A week at the coast. Swims before breakfast, ice cream after dinner.
                cover: Sunset + ice cream.jpg
                sort: name
                captions:
                  Morning swim.jpg: The water was colder than it looked.
                  Lighthouse.jpg: 143 steps to the top <and worth every one>.
                """);
        return photos;
    }

    /**
     * Gives the garden's tulips what a camera and a photo editor write (time with its offset, camera,
     * lens, exposure, a caption in XMP), for the viewer's info panel; where exiftool is installed.
     */
    private static void describeTulips(Path garden) {
        Path exiftool = Path.of("/usr/bin/exiftool");
        if (Files.isExecutable(exiftool)) {
            run(garden, exiftool.toString(), "-q", "-overwrite_original", "-Make=FUJIFILM", "-Model=X-T5",
                    "-LensModel=XF35mmF1.4 R", "-FocalLength=35", "-FNumber=2.8", "-ExposureTime=1/500", "-ISO=160",
                    "-DateTimeOriginal=2026:05:01 09:15:00", "-OffsetTimeOriginal=+02:00",
                    "-XMP-dc:Description=Tulips in the morning light", "Tulips.jpg");
        }
    }

    /**
     * Writes {@code count} photos named {@code Photo 001.jpg} ... into {@code folder}, landscape,
     * portrait, square and panorama in turn: an album to try a bigger upload with.
     */
    public static void writeSeries(Path folder, int count) {
        int[][] shapes = {{2400, 1600}, {1600, 2400}, {1800, 1800}, {3600, 1200}};
        List<Picture> pictures = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int[] shape = shapes[i % shapes.length];
            pictures.add(new Picture(String.format("Photo %03d.jpg", i), shape[0], shape[1], (i * 0.37f) % 1f));
        }
        paint(folder, pictures);
    }

    private static int paint(Path album, List<Picture> pictures) {
        Random random = new Random(album.getFileName().toString().hashCode());
        for (Picture picture : pictures) {
            write(album.resolve(picture.fileName()), landscape(picture, random));
        }
        return pictures.size();
    }

    /**
     * A Live Photo as an iPhone exports it: {@code NAME.HEIC} and the motion part {@code NAME.MOV}.
     * Made with heif-enc and ffmpeg when they are installed (the tests need them; a preview without
     * them simply has no phone photo). Returns the number of photos written: 1 or 0.
     */
    private static int livePhoto(Path album, String name, Picture picture) {
        Path heifEnc = Path.of("/usr/bin/heif-enc");
        Path ffmpeg = Path.of("/usr/bin/ffmpeg");
        if (!Files.isExecutable(heifEnc) || !Files.isExecutable(ffmpeg)) {
            return 0;
        }
        Path still = album.resolve(name + ".png");
        write(still, landscape(picture, new Random(name.hashCode())), "png");
        try {
            run(album, heifEnc.toString(), "-q", "80", still.getFileName().toString(), "-o", name + ".HEIC");
            run(album, ffmpeg.toString(), "-loglevel", "error", "-y", "-loop", "1", "-i", still.getFileName().toString(),
                    "-t", "2", "-vf", "scale=720:-2,zoompan=z='1+0.002*on':d=1:s=720x960", "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", name + ".MOV");
            return 1;
        } finally {
            try {
                Files.deleteIfExists(still);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A clip as an iPhone records it held upright: HEVC Main 10 stored landscape and turned upright by
     * the track's rotation, with sound and Apple's local creation date. Made when ffmpeg is installed;
     * returns the number of videos written: 1 or 0.
     */
    private static int phoneClip(Path album, String name, Picture picture) {
        Path ffmpeg = Path.of("/usr/bin/ffmpeg");
        if (!Files.isExecutable(ffmpeg)) {
            return 0;
        }
        Path still = album.resolve(picture.fileName() + ".png");
        write(still, landscape(picture, new Random(name.hashCode())), "png");
        String stored = picture.fileName() + "-stored.mov";
        try {
            run(album, ffmpeg.toString(), "-loglevel", "error", "-y", "-loop", "1", "-i", still.getFileName().toString(),
                    "-f", "lavfi", "-i", "sine=frequency=220:sample_rate=48000", "-t", "4",
                    // Held upright, a phone stores its sensor's landscape frames and a quarter turn to show them.
                    "-vf", "zoompan=z='1+0.003*on':d=1:s=360x640:fps=30,transpose=cclock", "-c:v", "libx265", "-preset", "ultrafast",
                    "-x265-params", "log-level=error", "-pix_fmt", "yuv420p10le", "-tag:v", "hvc1", "-c:a", "aac", stored);
            run(album, ffmpeg.toString(), "-loglevel", "error", "-y", "-i", stored, "-c", "copy",
                    "-metadata:s:v:0", "rotate=90", "-metadata", "com.apple.quicktime.creationdate=2026-07-15T18:40:00+0200",
                    "-movflags", "use_metadata_tags", name);
            return 1;
        } finally {
            try {
                Files.deleteIfExists(still);
                Files.deleteIfExists(album.resolve(stored));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void run(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage landscape(Picture picture, Random random) {
        int w = picture.width();
        int h = picture.height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(picture.hue(), 0.55f, 0.95f),
                0, h * 0.7f, Color.getHSBColor(picture.hue() + 0.05f, 0.25f, 1f)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(255, 236, 170));
        int sun = Math.min(w, h) / 6;
        g.fillOval((int) (w * (0.2 + 0.6 * random.nextDouble())), h / 8, sun, sun);
        for (int layer = 0; layer < 3; layer++) {
            g.setColor(Color.getHSBColor(0.30f + 0.05f * layer, 0.45f, 0.55f - 0.12f * layer));
            g.fillPolygon(hills(w, h, 0.55 + 0.12 * layer, random));
        }
        g.setColor(new Color(255, 255, 255, 200));
        g.setStroke(new BasicStroke(Math.max(2, w / 400f)));
        g.drawRect(w / 40, h / 40, w - w / 20, h - h / 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(24, Math.min(w, h) / 14)));
        g.drawString(w + " × " + h, w / 20, h - h / 12);
        g.dispose();
        return image;
    }

    private static Polygon hills(int w, int h, double level, Random random) {
        Polygon polygon = new Polygon();
        polygon.addPoint(0, h);
        int steps = 8;
        for (int i = 0; i <= steps; i++) {
            double y = h * (level + 0.08 * (random.nextDouble() - 0.5));
            polygon.addPoint(w * i / steps, (int) y);
        }
        polygon.addPoint(w, h);
        return polygon;
    }

    private static void write(Path file, BufferedImage image) {
        write(file, image, "jpg");
    }

    private static void write(Path file, BufferedImage image, String format) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IOException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample photo " + file, e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
