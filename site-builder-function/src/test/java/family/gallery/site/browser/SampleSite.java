package family.gallery.site.browser;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import family.gallery.site.model.AlbumYaml;
import family.gallery.site.model.CatalogPhoto;
import family.gallery.site.model.GalleryAssembler;
import family.gallery.site.model.GalleryAssembler.AlbumOrder;
import family.gallery.site.model.Rendition;
import family.gallery.site.render.SiteAssets;
import family.gallery.site.render.SiteConfig;
import family.gallery.site.render.SiteFile;
import family.gallery.site.render.SiteRenderer;

/** A small rendered site with real JPEG renditions in a folder, laid out as the bucket holds it. */
final class SampleSite {

    static final String ALBUM = "Été 2026 + friends";
    static final String CAPTION = "<script>alert(1)</script> at the pier";
    /** Width and height of each sample photo: landscape, portrait, panorama, square... */
    private static final int[][] SHAPES = {{4, 3}, {3, 4}, {16, 9}, {1, 1}, {3, 1}, {2, 3}, {4, 3}, {3, 2}, {9, 16},
            {4, 3}, {5, 4}, {16, 9}, {3, 4}, {4, 3}};

    private SampleSite() {
    }

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
                writeJpeg(root.resolve(key), width, height, i);
                renditions.add(new Rendition(key, width, height));
            }
            photos.add(new CatalogPhoto(i < 10 ? ALBUM : ALBUM + "/Beach day", String.format("IMG_%04d.jpg", i),
                    shape[0] * 1000, shape[1] * 1000, renditions, null, LocalDateTime.of(2026, 7, 14 + i % 5, 9 + i, 30),
                    "Pixel 8", null));
        }
        var gallery = new GalleryAssembler(AlbumOrder.NEWEST_FIRST).assemble(photos, Map.of(ALBUM, AlbumYaml.parse(
                "description: Two weeks by the sea with everyone.\ncaptions:\n  IMG_0002.jpg: '" + CAPTION + "'\n")));
        SiteAssets assets = SiteAssets.load();
        List<SiteFile> files = new ArrayList<>(assets.files());
        files.addAll(new SiteRenderer(new SiteConfig("Family Gallery", "© The family", java.util.Locale.UK,
                AlbumOrder.NEWEST_FIRST, "", "originals/", true), assets.urls()).render(gallery));
        for (SiteFile file : files) {
            try {
                Files.createDirectories(root.resolve(file.key()).getParent());
                Files.write(root.resolve(file.key()), file.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
