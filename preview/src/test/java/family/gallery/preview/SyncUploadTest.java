package family.gallery.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import family.gallery.localaws.LocalAws;
import family.gallery.localaws.Processes;
import family.gallery.site.build.BuildReports;

/**
 * The upload path a family member takes: {@code aws s3 sync} of a folder of 50 photos into the
 * running gallery. Reports how long until the site shows every one of them, and checks that the
 * whole upload made exactly one site build.
 */
@ExtendWith(RunningPreview.class)
class SyncUploadTest {

    private static final int PHOTOS = 50;
    private static final Pattern TILE = Pattern.compile("<a class=\"tile[ \"]");

    @Test
    void fiftyPhotosSyncedWithTheAwsCliAppearAfterOneSiteBuild(Preview preview, @TempDir Path pictures) throws Exception {
        Path folder = pictures.resolve("Fifty");
        SampleAlbums.writeSeries(folder, PHOTOS);
        RunningPreview.awaitSettled(preview);
        LocalAws stack = preview.stack();
        BuildReports reports = new BuildReports(stack.dynamoDb(), stack.tableName("CatalogTable"));
        int buildsBefore = reports.all().size();
        GalleryClient visitor = new GalleryClient(preview.siteUrl());
        assertEquals(303, visitor.signIn(preview.viewer().name(), preview.viewer().password()).statusCode());

        Instant start = Instant.now();
        String output = Processes.aws(stack, pictures, List.of("s3", "sync", folder.toString(),
                "s3://" + stack.bucketName("SourceBucket") + "/albums/Fifty/", "--endpoint-url", stack.s3Endpoint().toString(),
                "--no-progress"));
        Duration synced = Duration.between(start, Instant.now());
        assertEquals(PHOTOS, output.lines().filter(line -> line.startsWith("upload:")).count(), output);

        int shown = 0;
        while (shown < PHOTOS) {
            assertTrue(Duration.between(start, Instant.now()).compareTo(RunningPreview.SETTLE_TIMEOUT) < 0,
                    "the album shows " + shown + " of " + PHOTOS + " photos after " + RunningPreview.SETTLE_TIMEOUT);
            RunningPreview.sleep(Duration.ofMillis(250));
            var page = visitor.get(visitor.albumPage("Fifty"));
            shown = page.statusCode() == 200 ? (int) TILE.matcher(page.body()).results().count() : 0;
        }
        Duration visible = Duration.between(start, Instant.now());

        RunningPreview.awaitSettled(preview);
        assertEquals(buildsBefore + 1, reports.all().size(), "one site build for the whole upload");
        String figures = String.format("%d photos: aws s3 sync %.1f s, all on the site %.1f s after the sync began "
                + "(quiet period %d s)%n", PHOTOS, synced.toMillis() / 1000.0, visible.toMillis() / 1000.0,
                RunningPreview.QUIET_PERIOD_SECONDS);
        System.out.print(figures);
        Files.writeString(Path.of("target", "sync-upload.txt"), figures, StandardCharsets.UTF_8);
    }
}
