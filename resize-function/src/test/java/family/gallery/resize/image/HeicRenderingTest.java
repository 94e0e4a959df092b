package family.gallery.resize.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;

import family.gallery.heif.HeifFixtures;

/** HEIC originals through the whole renderer: renditions, metadata, transforms, bad files. */
public class HeicRenderingTest {

    private final PhotoRenderer renderer = new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS);

    @TempDir
    Path dir;

    /**
     * A HEIC as a phone writes one: made by heif-enc from a JPEG carrying a camera's EXIF (time,
     * offset, make, model, lens, GPS and orientation 6, which a HEIC's readers ignore).
     */
    public static byte[] phoneHeic(Path dir, int width, int height) throws Exception {
        Files.write(dir.resolve("camera.jpg"), TestImages.jpeg(TestImages.scene(width, height, BufferedImage.TYPE_INT_RGB), false));
        TestImages.run(dir, "/usr/bin/exiftool", "-q", "-overwrite_original", "-Make=Apple", "-Model=iPhone 15 Pro",
                "-DateTimeOriginal=2026:07:14 09:30:00", "-OffsetTimeOriginal=+02:00",
                "-LensModel=iPhone 15 Pro back triple camera 6.765mm f/1.78", "-Orientation#=6",
                "-GPSLatitude=48.85", "-GPSLatitudeRef=N", "-GPSLongitude=2.35", "-GPSLongitudeRef=E", "camera.jpg");
        return TestImages.run(dir, "/usr/bin/heif-enc", "-q", "85", "camera.jpg", "-o", "IMG_1234.HEIC");
    }

    @Test
    void aPhoneHeicRendersWithItsMetadataAndNoneInTheRenditions() throws Exception {
        RenderedPhoto photo = renderer.render(phoneHeic(dir, 1600, 1200));
        assertEquals(1600, photo.width(), "EXIF orientation is not applied to a HEIC");
        assertEquals(1200, photo.height());
        assertEquals(Optional.of(LocalDateTime.of(2026, 7, 14, 9, 30)), photo.metadata().takenAt());
        assertEquals(Optional.of(ZoneOffset.ofHours(2)), photo.metadata().offset());
        assertEquals(Optional.of("Apple iPhone 15 Pro"), photo.metadata().details().camera());
        assertTrue(photo.metadata().details().lens().orElseThrow().startsWith("iPhone 15 Pro back"));
        assertEquals(List.of(480, 720, 1080, 1440, 1600),
                photo.renditions().stream().map(r -> Math.max(r.width(), r.height())).toList());
        BufferedImage small = TestImages.decode(photo.renditions().get(0).bytes());
        assertNear(new Color(220, 20, 20), new Color(small.getRGB(30, 30)));
        assertNear(new Color(20, 20, 220), new Color(small.getRGB(240, 350)));
        for (RenderedPhoto.Jpeg rendition : photo.renditions()) {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(rendition.bytes()));
            assertNull(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class));
            assertNull(metadata.getFirstDirectoryOfType(GpsDirectory.class));
        }
    }

    @Test
    void aRotatedGridRendersUpright() throws Exception {
        BufferedImage scene = HeifFixtures.scene(256, 128);
        HeifFixtures.Writer writer = new HeifFixtures.Writer();
        List<Integer> tiles = new ArrayList<>();
        for (int column = 0; column < 2; column++) {
            tiles.add(writer.picture(HeifFixtures.hevc(scene.getSubimage(column * 128, 0, 128, 128), "yuv420p", dir),
                    128, 128, true, HeifFixtures.Writer.nclx(1, 13, 1, true)));
        }
        // Stored on its side, as a phone held upright stores it: turned 90 degrees clockwise to show.
        writer.primary(writer.grid(1, 2, 256, 128, tiles, HeifFixtures.Writer.irot(3)));
        RenderedPhoto photo = renderer.render(writer.write());
        assertEquals(128, photo.width());
        assertEquals(256, photo.height());
        BufferedImage rendition = TestImages.decode(photo.renditions().get(0).bytes());
        assertNear(new Color(220, 20, 20), new Color(rendition.getRGB(rendition.getWidth() - 10, 10)));
        assertNear(new Color(20, 20, 220), new Color(rendition.getRGB(5, 128)));
    }

    @Test
    void aLargeHeicIsDecodedReducedToTheSameRenditions() throws Exception {
        byte[] heic = phoneHeic(dir, 2400, 1600);
        RenderedPhoto reduced = new PhotoRenderer(new PhotoRenderer.Settings(100_000_000L, 1_000_000L, 82)).render(heic);
        RenderedPhoto full = renderer.render(heic);
        assertEquals(2400, reduced.width());
        assertEquals(List.of(2048, 1365), List.of(reduced.renditions().get(4).width(), reduced.renditions().get(4).height()));
        assertTrue(PhotoRendererTest.meanDifference(TestImages.decode(full.renditions().get(1).bytes()),
                TestImages.decode(reduced.renditions().get(1).bytes())) < 4);
    }

    @Test
    void badHeicFilesAreRefusedWithTheirOwnReason() throws Exception {
        byte[] heic = phoneHeic(dir, 800, 600);
        assertRefused(new byte[0], "empty");
        assertRefused(Arrays.copyOf(heic, heic.length - 300), "damaged or truncated");
        assertRefused(Arrays.copyOf(heic, 200), "damaged or truncated");
        HeifFixtures.Writer bomb = new HeifFixtures.Writer();
        int tile = bomb.picture(HeifFixtures.hevc(HeifFixtures.scene(64, 64), "yuv420p", dir), 40_000, 40_000, true);
        bomb.primary(bomb.grid(1, 1, 40_000, 40_000, List.of(tile)));
        assertRefused(bomb.write(), "40000 x 40000 pixels (1600.0 megapixels), more than the limit of 100.0 megapixels");
        // A small crop of a huge stored image would still have to be decoded whole.
        HeifFixtures.Writer cropped = new HeifFixtures.Writer();
        int huge = cropped.picture(HeifFixtures.hevc(HeifFixtures.scene(64, 64), "yuv420p", dir), 40_000, 40_000, true);
        cropped.primary(cropped.grid(1, 1, 40_000, 40_000, List.of(huge), HeifFixtures.Writer.clap(100, 100, 0, 0)));
        assertRefused(cropped.write(), "cropped from 40000 x 40000 stored pixels (1600.0 megapixels)");
    }

    private void assertRefused(byte[] original, String reason) {
        UnrenderablePhotoException e = assertThrows(UnrenderablePhotoException.class, () -> renderer.render(original));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static void assertNear(Color expected, Color actual) {
        TestImages.assertNear(expected, actual, 20);
    }
}
