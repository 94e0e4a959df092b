package family.gallery.site.browser;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import family.gallery.catalog.PhotoDetails;
import family.gallery.accounts.SiteAccess;
import family.gallery.site.model.AlbumYaml;
import family.gallery.site.model.CatalogPhoto;
import family.gallery.site.model.GalleryAssembler;
import family.gallery.site.model.GalleryAssembler.AlbumOrder;
import family.gallery.site.model.Rendition;
import family.gallery.site.model.Video;
import family.gallery.site.render.SiteAssets;
import family.gallery.site.render.SiteConfig;
import family.gallery.site.render.SiteFile;
import family.gallery.site.render.SiteRenderer;
import family.gallery.site.render.SiteView;

/** A small rendered site with real JPEG renditions in a folder, laid out as the bucket holds it. */
final class SampleSite {

    static final String ALBUM = "Été 2026 + friends";
    static final String CAPTION = "<script>alert(1)</script> at the pier";
    /** A video among the album's photos, long enough to be still playing when a test moves past it. */
    static final String VIDEO = "VID 0100+sea.mp4";
    static final Duration VIDEO_DURATION = Duration.ofSeconds(20);
    /** A Live Photo: the still and its motion, shown as one photo. */
    static final String LIVE_PHOTO = "IMG_2041.jpg";
    static final String LIVE_PHOTO_MOTION = "IMG_2041.MOV";
    /** Width and height of each sample photo: landscape, portrait, panorama, square... */
    private static final int[][] SHAPES = {{4, 3}, {3, 4}, {16, 9}, {1, 1}, {3, 1}, {2, 3}, {4, 3}, {3, 2}, {9, 16},
            {4, 3}, {5, 4}, {16, 9}, {3, 4}, {4, 3}};

    private SampleSite() {
    }

    /** Where the pages of a viewer in no group are: the site as it is published for them. */
    static final String VIEW = SiteAccess.viewPrefix(Set.of());

    static void write(Path root) {
        List<CatalogPhoto> photos = new ArrayList<>();
        for (int i = 0; i < SHAPES.length; i++) {
            int[] shape = SHAPES[i];
            List<Rendition> renditions = new ArrayList<>();
            for (int longEdge : new int[] {480, 1600}) {
                double scale = (double) longEdge / Math.max(shape[0], shape[1]);
                int width = (int) Math.round(shape[0] * scale);
                int height = (int) Math.round(shape[1] * scale);
                String key = "media/sample" + i + "/" + width + "x" + height + ".jpg";
                writeJpeg(root.resolve(SiteAccess.EVERYONE + key), width, height, i);
                renditions.add(new Rendition(key, width, height));
            }
            photos.add(new CatalogPhoto(i < 10 ? ALBUM : ALBUM + "/Beach day", String.format("IMG_%04d.jpg", i),
                    shape[0] * 1000, shape[1] * 1000, renditions, null, LocalDateTime.of(2026, 7, 14 + i % 5, 9 + i, 30),
                    null, PhotoDetails.camera("Pixel 8"), null, null));
        }
        Rendition webVersion = writeMp4(root, "media/sample-video/640x360.mp4", VIDEO_DURATION);
        photos.add(new CatalogPhoto(ALBUM, VIDEO, 640, 360, posters(root, "sample-video", 640, 360, SHAPES.length),
                null, LocalDateTime.of(2026, 7, 16, 12, 0), null, PhotoDetails.camera("Pixel 8"), null, new Video(webVersion, VIDEO_DURATION)));
        photos.add(new CatalogPhoto(ALBUM, LIVE_PHOTO, 4032, 3024, posters(root, "sample-live", 4, 3, SHAPES.length + 1),
                null, LocalDateTime.of(2026, 7, 18, 20, 0), null, PhotoDetails.camera("iPhone 15"), null, null));
        photos.add(new CatalogPhoto(ALBUM, LIVE_PHOTO_MOTION, 1440, 1080, posters(root, "sample-motion", 4, 3, SHAPES.length + 2),
                null, LocalDateTime.of(2026, 7, 18, 20, 0), null, PhotoDetails.camera("iPhone 15"), null, new Video(webVersion, Duration.ofSeconds(3))));
        var gallery = new GalleryAssembler(AlbumOrder.NEWEST_FIRST).assemble(photos, Map.of(ALBUM, AlbumYaml.parse(
                "description: Two weeks by the sea with everyone.\ncaptions:\n  IMG_0002.jpg: '" + CAPTION + "'\n")));
        SiteAssets assets = SiteAssets.load();
        List<SiteFile> files = new ArrayList<>(assets.files());
        files.addAll(new SiteRenderer(new SiteConfig("Family Gallery", "© The family", java.util.Locale.UK,
                AlbumOrder.NEWEST_FIRST, false), assets.urls()).render(SiteView.members(Set.of(), gallery, false)));
        for (SiteFile file : files) {
            try {
                Files.createDirectories(root.resolve(file.key()).getParent());
                Files.write(root.resolve(file.key()), file.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A poster rendition of a {@code width x height} picture, 480 px on its long edge. */
    private static List<Rendition> posters(Path root, String id, int width, int height, int index) {
        double scale = 480.0 / Math.max(width, height);
        int posterWidth = (int) Math.round(width * scale);
        int posterHeight = (int) Math.round(height * scale);
        String key = "media/" + id + "/" + posterWidth + "x" + posterHeight + ".jpg";
        writeJpeg(root.resolve(SiteAccess.EVERYONE + key), posterWidth, posterHeight, index);
        return List.of(new Rendition(key, posterWidth, posterHeight));
    }

    /** A 640x360 H.264/AAC MP4 with its index first, as the video function makes them, from Debian's ffmpeg. */
    private static Rendition writeMp4(Path root, String key, Duration duration) {
        Path file = root.resolve(SiteAccess.EVERYONE + key);
        try {
            Files.createDirectories(file.getParent());
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                    "-f", "lavfi", "-i", "sine=frequency=440", "-t", String.valueOf(duration.toSeconds()), "-c:v", "libx264",
                    "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (ffmpeg.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg could not write " + file + ": " + output);
            }
            return new Rendition(key, 640, 360);
        } catch (IOException e) {
            throw new UncheckedIOException("the sample video needs Debian's ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void writeJpeg(Path file, int width, int height, int index) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        float hue = index / (float) SHAPES.length;
        graphics.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.5f, 0.95f), width, height,
                Color.getHSBColor(hue + 0.15f, 0.8f, 0.5f)));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 6)));
        graphics.drawString("#" + index, width / 10, height / 2);
        graphics.dispose();
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "jpg", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
