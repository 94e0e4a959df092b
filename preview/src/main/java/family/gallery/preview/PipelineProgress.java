package family.gallery.preview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.PhotoStatus;
import family.gallery.ingest.MediaKey;
import family.gallery.localaws.LocalAws;
import family.gallery.site.build.BuildReports;
import family.gallery.site.debounce.BuildState;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * How far the pipeline has come with the photos in the source bucket.
 *
 * @param photos   photos and videos in the source bucket
 * @param ready    of those, the ones with renditions
 * @param failures of those, the ones that can never be shown, each as "key: why"
 * @param siteBuilt when the newest site build ended, if one has
 * @param settled  nothing is left to do: every photo is processed, no queue holds a message and
 *                 the published site reflects the latest change
 */
public record PipelineProgress(int photos, int ready, List<String> failures, Optional<Instant> siteBuilt, boolean settled) {

    public PipelineProgress {
        failures = List.copyOf(failures);
    }

    private static final List<QueueAttributeName> PENDING = List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

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
        Optional<Instant> built = new BuildReports(stack.dynamoDb(), table).latest()
                .map(report -> report.startedAt().plus(report.duration()));
        BuildState.Snapshot state = new BuildState(stack.dynamoDb(), table).read();
        boolean settled = ready + failures.size() == uploaded.size() && built.isPresent() && !state.stale()
                && queueEmpty(stack, "ResizeQueue") && queueEmpty(stack, "VideoQueue") && queueEmpty(stack, "RebuildQueue");
        return new PipelineProgress(uploaded.size(), ready, failures, built, settled);
    }

    private static boolean queueEmpty(LocalAws stack, String logicalId) {
        Map<QueueAttributeName, String> counts = stack.sqs()
                .getQueueAttributes(get -> get.queueUrl(stack.queueUrl(logicalId)).attributeNames(PENDING)).attributes();
        return counts.values().stream().allMatch("0"::equals);
    }

    /** For instance "37/120 photos and videos ready, 1 failed, site built 3 s ago". */
    public String describe(Instant now) {
        StringBuilder text = new StringBuilder().append(ready).append('/').append(photos).append(" photos and videos ready");
        if (!failures.isEmpty()) {
            text.append(", ").append(failures.size()).append(" failed");
        }
        text.append(siteBuilt.map(at -> ", site built " + Math.max(0, Duration.between(at, now).toSeconds()) + " s ago")
                .orElse(", site not built yet"));
        return text.toString();
    }
}
