package family.gallery.preview;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code gallery preview}: starts the gallery on this machine, prints how to open it and how to add
 * albums, then reports the pipeline's progress until Ctrl-C.
 */
public final class PreviewMain {

    private PreviewMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PreviewOptions options;
        try {
            options = PreviewOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(PreviewOptions.USAGE);
            System.exit(2);
            return;
        }
        System.out.println("Starting the gallery (data in " + options.dataDirectory() + ") ...");
        Preview preview;
        try {
            preview = Preview.start(options);
        } catch (RuntimeException e) {
            System.err.println("The preview did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            System.out.println("Stopping; your uploads stay in " + options.dataDirectory());
            preview.close();
            stopped.countDown();
        }, "preview-shutdown"));

        if (preview.resumed() > 0) {
            System.out.println("  " + preview.resumed() + " photos and videos left unprocessed when the preview last stopped go through again");
        }
        preview.uploads().forEach(line -> System.out.println("  uploaded " + line));
        System.out.println();
        System.out.println("  Gallery   " + preview.siteUrl());
        System.out.println("  Login     " + preview.viewer().name() + " / " + preview.viewer().password());
        preview.stack().functionLogDirectory().ifPresent(logs -> System.out.println("  Logs      " + logs));
        String dataDir = options.dataDirectory().equals(PreviewOptions.defaultDataDirectory()) ? ""
                : " --data-dir=" + options.dataDirectory();
        System.out.println("  Admin     ./gallery admin status" + dataDir + "   (also add NAME, group, share ALBUM, list, rebuild, redrive, reprocess)");
        System.out.println("  Add an album:");
        System.out.println("    " + preview.syncCommand("~/Pictures/some-album"));
        System.out.println();
        System.out.println("Photos are processed in the background; Ctrl-C stops the gallery.");
        reportProgress(preview, stopped);
    }

    /** Prints a line whenever the counts or the site change, until the JVM is stopped. */
    private static void reportProgress(Preview preview, CountDownLatch stopped) throws InterruptedException {
        PipelineProgress last = null;
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            PipelineProgress now;
            try {
                now = preview.progress();
            } catch (RuntimeException e) {
                continue; // shutting down, or a service busy for a moment: the next second tells
            }
            if (!now.equals(last)) {
                System.out.println(now.describe(Instant.now()) + (now.settled() ? "; all done" : ""));
                List<String> seen = last == null ? List.of() : last.failures();
                now.failures().stream().filter(failure -> !seen.contains(failure))
                        .forEach(failure -> System.out.println("  cannot show " + failure));
                last = now;
            }
        }
    }
}
