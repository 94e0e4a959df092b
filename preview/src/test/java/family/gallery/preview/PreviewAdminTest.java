package family.gallery.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./gallery admin} against the running preview, found by its data folder alone. */
@ExtendWith(RunningPreview.class)
class PreviewAdminTest {

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void viewersAndStatusWithNothingButTheDataFolder(Preview preview) throws Exception {
        String dataDir = "--data-dir=" + preview.dataDirectory();
        Run added = gallery("correct horse battery staple\n", "admin", "add", "grandma", "--password-stdin", dataDir);
        assertEquals(new Run(0, "Added viewer grandma.\n", ""), added);

        Run listed = gallery("", "admin", "list", dataDir);
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().contains("grandma ") && listed.out().contains(preview.viewer().name() + " "), listed.out());
        assertTrue(listed.out().endsWith("2 viewers\n"), listed.out());

        Run status = gallery("", "admin", "status", dataDir);
        assertEquals(0, status.exitCode(), status.err());
        PipelineProgress progress = RunningPreview.awaitSettled(preview);
        assertTrue(status.out().startsWith("Photos and videos: " + progress.ready() + " READY, 0 FAILED\n"), status.out());
        assertTrue(status.out().contains("  VideoQueue "), status.out());
    }

    @Test
    void withoutARunningPreviewOneLineSaysSo(@TempDir Path empty) throws Exception {
        Run status = gallery("", "admin", "status", "--data-dir=" + empty);
        assertEquals(new Run(1, "", "No preview is running with its data in " + empty
                + ": start one with ./gallery preview (or give the --data-dir it was started with).\n"), status);
    }

    /** The repository's own {@code ./gallery} script, as a user types it. */
    private static Run gallery(String stdin, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "../gallery"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, err);
    }
}
