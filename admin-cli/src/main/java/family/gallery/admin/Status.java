package family.gallery.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoStatus;
import family.gallery.site.build.BuildReports;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@Command(name = "status", description = "Photos in the catalog, the last site build and what waits in the queues.")
final class Status extends PipelineCommand {

    private static final List<String> QUEUES = List.of(StackResources.RESIZE_QUEUE, StackResources.RESIZE_DEAD_LETTER_QUEUE,
            StackResources.VIDEO_QUEUE, StackResources.VIDEO_DEAD_LETTER_QUEUE,
            StackResources.REBUILD_QUEUE, StackResources.REBUILD_DEAD_LETTER_QUEUE);

    @Override
    public Integer call() {
        String table = catalogTable();
        printPhotos(new PhotoCatalog(services().dynamoDb(), table).photos());
        printBuild(new BuildReports(services().dynamoDb(), table).latest());
        out().println("Queues: messages waiting, in flight, delayed");
        for (String queue : QUEUES) {
            Map<QueueAttributeName, String> counts = services().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl(queue))
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            out().printf("  %-24s %6s %6s %6s%n", queue, counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
        }
        return 0;
    }

    private void printPhotos(List<PhotoEntry> photos) {
        List<PhotoEntry> failed = photos.stream().filter(photo -> photo.status() == PhotoStatus.FAILED)
                .sorted(Comparator.comparing(photo -> photo.id().sourceKey())).toList();
        out().printf("Photos and videos: %d READY, %d FAILED%n", photos.size() - failed.size(), failed.size());
        failed.forEach(photo -> out().printf("  FAILED %s/%s: %s%n", photo.id().album(), photo.id().fileName(),
                photo.reason().orElse("no reason recorded")));
    }

    private void printBuild(Optional<BuildReports.Summary> latest) {
        if (latest.isEmpty()) {
            out().println("Last site build: none yet");
            return;
        }
        BuildReports.Summary build = latest.get();
        out().printf(Locale.ROOT, "Last site build: %s, %.1f s, %s%n", build.startedAt(), build.duration().toMillis() / 1000.0,
                build.error().map(error -> "FAILED: " + error).orElse("published"));
        out().printf("  %s in %s; pages %d written, %d deleted, %d unchanged; %s%n", count(build.photos(), "photo"),
                count(build.albums(), "album"), build.pagesWritten(), build.pagesDeleted(), build.pagesUnchanged(),
                count(build.issues(), "issue"));
    }
}
