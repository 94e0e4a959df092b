package family.gallery.preview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.PhotoStatus;
import family.gallery.ingest.MalformedEventException;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.S3EventMessages;
import family.gallery.localaws.LocalAws;
import family.gallery.locallambda.sqs.AwaitingRetry;
import family.gallery.site.build.BuildReports;
import family.gallery.site.debounce.BuildState;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * How far the pipeline has come with the photos and videos in the source bucket, and what it waits for.
 *
 * @param photos      photos and videos in the source bucket
 * @param ready       of those, the ones with renditions
 * @param failures    of those, the ones that can never be shown, each as "key: why"
 * @param siteBuilt   when the newest site build ended, if one has
 * @param retries     work whose attempt failed (a function crashed or timed out) and that waits in its queue
 * @param deadLetters messages in the dead-letter queues, which wait for {@code ./gallery admin redrive}
 * @param buildError  the first line of the newest site build's error, when it failed
 * @param settled     nothing is left to do: every photo is processed, no queue holds a message and
 *                    the published site reflects the latest change
 */
public record PipelineProgress(int photos, int ready, List<String> failures, Optional<Instant> siteBuilt,
        Retries retries, int deadLetters, Optional<String> buildError, boolean settled) {

    /**
     * @param keys      the originals whose processing waits (file keys; "the site build" for a build)
     * @param nextRetry when the first of them is tried again
     */
    public record Retries(Set<String> keys, Optional<Instant> nextRetry) {

        static final Retries NONE = new Retries(Set.of(), Optional.empty());

        public Retries {
            keys = Set.copyOf(keys);
        }
    }

    public PipelineProgress {
        failures = List.copyOf(failures);
    }

    private static final List<QueueAttributeName> PENDING = List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
    private static final List<String> DEAD_LETTER_QUEUES = List.of("ResizeDeadLetterQueue", "VideoDeadLetterQueue",
            "RebuildDeadLetterQueue");
    /** How many waiting keys the line names before it just counts. */
    private static final int NAMED = 3;

    public static PipelineProgress read(LocalAws stack) {
        Set<PhotoId> uploaded = new HashSet<>();
        stack.s3().listObjectsV2Paginator(list -> list.bucket(stack.bucketName("SourceBucket")).prefix(MediaKey.ALBUMS_PREFIX))
                .contents().forEach(object -> {
                    MediaKey key = MediaKey.of(object.key());
                    if (key.kind() == MediaKey.Kind.PHOTO || key.kind() == MediaKey.Kind.VIDEO) {
                        uploaded.add(PhotoId.of(key));
                    }
                });
        String table = stack.tableName("CatalogTable");
        int ready = 0;
        List<String> failures = new ArrayList<>();
        for (PhotoEntry entry : new PhotoCatalog(stack.dynamoDb(), table).photos()) {
            if (uploaded.contains(entry.id())) {
                ready += entry.status() == PhotoStatus.READY ? 1 : 0;
                if (entry.status() == PhotoStatus.FAILED) {
                    failures.add(entry.id().sourceKey() + ": " + entry.reason().orElse("no reason recorded"));
                }
            }
        }
        Optional<BuildReports.Summary> latest = new BuildReports(stack.dynamoDb(), table).latest();
        Optional<Instant> built = latest.map(report -> report.startedAt().plus(report.duration()));
        Optional<String> buildError = latest.flatMap(BuildReports.Summary::error).map(error -> error.strip().lines()
                .findFirst().orElse(error));
        int deadLetters = DEAD_LETTER_QUEUES.stream().mapToInt(queue -> pending(stack, queue)).sum();
        BuildState.Snapshot state = new BuildState(stack.dynamoDb(), table).read();
        boolean settled = ready + failures.size() == uploaded.size() && built.isPresent() && !state.stale()
                && pending(stack, "ResizeQueue") + pending(stack, "VideoQueue") + pending(stack, "RebuildQueue") == 0;
        return new PipelineProgress(uploaded.size(), ready, failures, built, retries(stack.awaitingRetry()), deadLetters,
                buildError, settled);
    }

    private static Retries retries(List<AwaitingRetry> waiting) {
        if (waiting.isEmpty()) {
            return Retries.NONE;
        }
        Set<String> keys = new TreeSet<>();
        for (AwaitingRetry message : waiting) {
            try {
                S3EventMessages.parse(message.body()).stream().map(ObjectEvent::key).forEach(keys::add);
            } catch (MalformedEventException notAnUpload) {
                keys.add("the site build"); // the rebuild queue's notices and ticks
            }
        }
        return new Retries(keys, waiting.stream().map(AwaitingRetry::visibleAgain).min(Instant::compareTo));
    }

    private static int pending(LocalAws stack, String logicalId) {
        Map<QueueAttributeName, String> counts = stack.sqs()
                .getQueueAttributes(get -> get.queueUrl(stack.queueUrl(logicalId)).attributeNames(PENDING)).attributes();
        return counts.values().stream().mapToInt(Integer::parseInt).sum();
    }

    /**
     * For instance "37/120 photos and videos ready, 1 failed, site built 3 s ago", followed by what
     * the pipeline waits for: a retry after a failed attempt, messages in a dead-letter queue, a failed build.
     */
    public String describe(Instant now) {
        StringBuilder text = new StringBuilder().append(ready).append('/').append(photos).append(" photos and videos ready");
        if (!failures.isEmpty()) {
            text.append(", ").append(failures.size()).append(" failed");
        }
        text.append(siteBuilt.map(at -> ", site built " + Math.max(0, Duration.between(at, now).toSeconds()) + " s ago")
                .orElse(", site not built yet"));
        if (!retries.keys().isEmpty()) {
            List<String> keys = List.copyOf(retries.keys());
            text.append("; an attempt failed, retried ")
                    .append(retries.nextRetry().map(at -> in(Duration.between(now, at))).orElse("later"))
                    .append(": ").append(String.join(", ", keys.subList(0, Math.min(NAMED, keys.size()))));
            if (keys.size() > NAMED) {
                text.append(" and ").append(keys.size() - NAMED).append(" more");
            }
            text.append(" (see the logs)");
        }
        if (deadLetters > 0) {
            text.append("; ").append(deadLetters).append(deadLetters == 1 ? " message" : " messages")
                    .append(" in a dead-letter queue: ./gallery admin redrive");
        }
        buildError.ifPresent(error -> text.append("; the last site build failed: ").append(error));
        return text.toString();
    }

    private static String in(Duration wait) {
        long seconds = Math.max(0, wait.toSeconds());
        return seconds < 90 ? "in " + seconds + " s" : "in about " + Math.round(seconds / 60.0) + " min";
    }
}
