package family.gallery.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the preview right after an upload loses nothing: after the next start every photo is ready,
 * and a file that only looks like a photo is reported with the reason it cannot be shown.
 */
class PreviewRestartTest {

    @Test
    void aRestartKeepsTheUploadsAndTheLoginAndEveryPhotoEndsProcessedOrExplained(@TempDir Path data, @TempDir Path pictures)
            throws IOException {
        SampleAlbums.write(pictures);
        Path garden = SampleAlbums.albums(pictures).get(1);
        Files.writeString(garden.resolve("Broken.jpg"), "not a JPEG at all");
        // The same address both times, as a user's bookmark has it: cookies are signed for it.
        int sitePort;
        try (ServerSocket free = new ServerSocket(0)) {
            sitePort = free.getLocalPort();
        }
        PreviewOptions options = new PreviewOptions(data, sitePort, 0, RunningPreview.QUIET_PERIOD_SECONDS, List.of(garden));

        PreviewViewer firstViewer;
        GalleryClient browser;
        try (Preview first = Preview.start(options)) {
            // Four photos, the broken one and the album.yml that offers the originals.
            assertEquals(List.of("Garden: 6 new files"), first.uploads());
            firstViewer = first.viewer();
            browser = signedIn(first);
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)),
                "the data folder holds the password and the signing key: its owner's only");

        try (Preview second = Preview.start(options)) {
            assertEquals(List.of("Garden: 0 new files"), second.uploads(), "nothing is uploaded twice");
            assertEquals(firstViewer, second.viewer(), "the printed login stays valid");
            PipelineProgress progress = RunningPreview.awaitSettled(second);
            assertEquals(5, progress.photos());
            assertEquals(4, progress.ready());
            assertEquals(1, progress.failures().size(), progress.failures().toString());
            assertTrue(progress.failures().get(0).startsWith("albums/Garden/Broken.jpg: "), progress.failures().toString());
            GalleryClient viewer = signedIn(second);
            assertEquals(200, viewer.get(viewer.albumPage("Garden")).statusCode());
            assertEquals(200, new GalleryClient(second.siteUrl(), browser).get(viewer.albumPage("Garden")).statusCode(),
                    "a browser signed in before the restart still is: the signing key is kept");
        }
    }

    private static GalleryClient signedIn(Preview preview) {
        GalleryClient client = new GalleryClient(preview.siteUrl());
        assertEquals(303, client.signIn(preview.viewer().name(), preview.viewer().password()).statusCode());
        return client;
    }
}
