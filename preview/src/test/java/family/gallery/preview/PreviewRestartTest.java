package family.gallery.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the preview before its photos are processed loses nothing: the next start finishes them. */
class PreviewRestartTest {

    @Test
    void aRestartKeepsTheUploadsAndTheLoginAndFinishesTheInterruptedWork(@TempDir Path data, @TempDir Path pictures) {
        SampleAlbums.write(pictures);
        Path garden = SampleAlbums.albums(pictures).get(1);
        PreviewOptions options = new PreviewOptions(data, 0, 0, RunningPreview.QUIET_PERIOD_SECONDS, List.of(garden));

        PreviewViewer firstViewer;
        int readyAtStop;
        try (Preview first = Preview.start(options)) {
            assertEquals(List.of("Garden: 4 new files"), first.uploads());
            firstViewer = first.viewer();
            readyAtStop = first.progress().ready();
        }

        try (Preview second = Preview.start(options)) {
            assertEquals(List.of("Garden: 0 new files"), second.uploads(), "nothing is uploaded twice");
            assertEquals(firstViewer, second.viewer(), "the printed login stays valid");
            if (readyAtStop == 0) {
                assertEquals(4, second.resumed(), "every photo is announced again");
            }
            PipelineProgress progress = RunningPreview.awaitSettled(second);
            assertEquals(4, progress.photos());
            assertEquals(4, progress.ready());
            assertEquals(200, signedIn(second).get("/albums/Garden/index.html").statusCode());
        }
    }

    private static GalleryClient signedIn(Preview preview) {
        GalleryClient client = new GalleryClient(preview.siteUrl());
        assertEquals(303, client.signIn(preview.viewer().name(), preview.viewer().password()).statusCode());
        return client;
    }
}
