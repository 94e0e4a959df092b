package family.gallery.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class PreviewOptionsTest {

    @Test
    void defaultsKeepTheDataInTheUsersShareFolderOnWellKnownPorts() {
        PreviewOptions options = PreviewOptions.parse();
        assertEquals(PreviewOptions.defaultDataDirectory(), options.dataDirectory());
        assertEquals(8080, options.sitePort());
        assertEquals(9000, options.s3Port());
        assertEquals(5, options.quietPeriodSeconds());
        assertEquals(List.of(), options.folders());
    }

    @Test
    void foldersAndOptionsMayComeInAnyOrder() {
        PreviewOptions options = PreviewOptions.parse("/photos/summer", "--port=0", "/photos/winter", "--quiet-period=30",
                "--data-dir=/tmp/g", "--s3-port=9100");
        assertEquals(List.of(Path.of("/photos/summer"), Path.of("/photos/winter")), options.folders());
        assertEquals(0, options.sitePort());
        assertEquals(9100, options.s3Port());
        assertEquals(30, options.quietPeriodSeconds());
        assertEquals(Path.of("/tmp/g"), options.dataDirectory());
    }

    @Test
    void aBadOptionSaysWhatIsWrong() {
        assertEquals("unknown option --colour", assertThrows(IllegalArgumentException.class,
                () -> PreviewOptions.parse("--colour=red")).getMessage());
        assertEquals("--port takes a number from 0 to 65535, got eighty", assertThrows(IllegalArgumentException.class,
                () -> PreviewOptions.parse("--port=eighty")).getMessage());
        assertEquals("--quiet-period takes a number from 5 to 900, got 1", assertThrows(IllegalArgumentException.class,
                () -> PreviewOptions.parse("--quiet-period=1")).getMessage());
        assertEquals("--data-dir needs a value, e.g. --data-dir=...", assertThrows(IllegalArgumentException.class,
                () -> PreviewOptions.parse("--data-dir")).getMessage());
    }

    @Test
    void aFolderThatIsNotThereStopsThePreviewBeforeAnythingStarts() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Preview.start(PreviewOptions.parse("/no/such/folder", "--data-dir=/tmp/never-made")));
        assertEquals("/no/such/folder is not a folder", refused.getMessage());
    }
}
