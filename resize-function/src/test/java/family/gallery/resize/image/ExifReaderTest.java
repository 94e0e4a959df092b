package family.gallery.resize.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import family.gallery.catalog.PhotoDetails;

/** Exposure and captions read from photos whose metadata exiftool wrote, as cameras and photo editors do. */
class ExifReaderTest {

    @TempDir
    Path dir;

    private byte[] photoWith(String... tags) throws Exception {
        Files.write(dir.resolve("photo.jpg"), TestImages.jpeg(TestImages.scene(64, 48, BufferedImage.TYPE_INT_RGB), false));
        String[] command = new String[tags.length + 4];
        command[0] = "/usr/bin/exiftool";
        command[1] = "-q";
        command[2] = "-overwrite_original";
        System.arraycopy(tags, 0, command, 3, tags.length);
        command[command.length - 1] = "photo.jpg";
        TestImages.run(dir, command);
        return Files.readAllBytes(dir.resolve("photo.jpg"));
    }

    @Test
    void exposureAndLensAreReadAsTheCameraWroteThem() throws Exception {
        PhotoDetails details = ExifReader.read(photoWith("-Make=Canon", "-Model=Canon EOS R6",
                "-LensModel=RF24-105mm F4 L IS USM", "-FocalLength=105", "-FNumber=4.0", "-ExposureTime=1/250",
                "-ISO=800")).details();
        assertEquals(new PhotoDetails(Optional.of("Canon EOS R6"), Optional.of("RF24-105mm F4 L IS USM"),
                Optional.of(105.0), Optional.of(4.0), Optional.of("1/250"), Optional.of(800), Optional.empty()), details);
    }

    @Test
    void longExposuresKeepTheirSeconds() throws Exception {
        assertEquals(Optional.of("2.5"), ExifReader.read(photoWith("-ExposureTime=2.5")).details().exposureTime());
        assertEquals(Optional.of("30"), ExifReader.read(photoWith("-ExposureTime=30")).details().exposureTime());
    }

    @Test
    void theIptcCaptionComesFirstThenXmpThenTheTitle() throws Exception {
        assertEquals(Optional.of("Grandma's 90th"), ExifReader.read(photoWith("-IPTC:Caption-Abstract=Grandma's 90th",
                "-XMP-dc:Description=Another text", "-XMP-dc:Title=A title")).details().caption());
        assertEquals(Optional.of("Été à la plage"), ExifReader.read(photoWith("-charset", "iptc=UTF8",
                "-XMP-dc:Description=Été à la plage", "-XMP-dc:Title=A title")).details().caption());
        assertEquals(Optional.of("A title"), ExifReader.read(photoWith("-XMP-dc:Title=A title")).details().caption());
        assertEquals(Optional.of("Object name"),
                ExifReader.read(photoWith("-IPTC:ObjectName=Object name")).details().caption());
    }

    @Test
    void aCameraNameInTheImageDescriptionIsNoCaption() throws Exception {
        assertEquals(Optional.empty(),
                ExifReader.read(photoWith("-EXIF:ImageDescription=OLYMPUS DIGITAL CAMERA")).details().caption());
    }

    @Test
    void captionsBecomeOneBoundedLine() throws Exception {
        PhotoDetails details = ExifReader.read(photoWith("-XMP-dc:Description=first line\nsecond\tline  "
                + "x".repeat(3000))).details();
        String caption = details.caption().orElseThrow();
        assertTrue(caption.startsWith("first line second line x"), caption);
        assertEquals(ExifReader.MAX_CAPTION_LENGTH, caption.length());
        assertTrue(caption.endsWith("\u2026"));
    }

    @Test
    void nothingIsMadeUpForAPhotoWithoutMetadata() throws Exception {
        assertEquals(PhotoDetails.NONE, ExifReader.read(TestImages.jpeg(
                TestImages.scene(64, 48, BufferedImage.TYPE_INT_RGB), false)).details());
        assertEquals(PhotoDetails.NONE, ExifReader.read(photoWith("-ExposureTime=0", "-FNumber=0")).details());
    }
}
