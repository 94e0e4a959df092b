package family.gallery.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoId;
import family.gallery.ingest.ETags;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.S3EventMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;

@Command(name = "reprocess", description = "Have the resize and video functions process originals again, e.g. FAILED photos after a fix.")
final class Reprocess extends PipelineCommand {

    /** Marks the events this command sends, in their S3 record. */
    static final String CONFIGURATION_ID = "gallery-admin-reprocess";

    @Parameters(arity = "0..1", paramLabel = "ALBUM_PREFIX", description = "Only the originals whose key starts with"
            + " albums/ALBUM_PREFIX, e.g. \"2026 summer/\" for an album and its sub-albums (default: all).")
    String albumPrefix = "";

    @Override
    public Integer call() {
        String bucket = sourceBucket();
        PhotoCatalog catalog = new PhotoCatalog(services().dynamoDb(), catalogTable());
        int added = 0;
        int skipped = 0;
        List<BatchResultErrorEntry> refused;
        try (QueueBatches batches = new QueueBatches(services().sqs(), queueUrl(StackResources.RESIZE_QUEUE))) {
            // The listing comes in key order, so an album's originals come together: one catalog query each.
            String album = null;
            Map<String, String> sequencers = Map.of();
            for (S3Object object : services().s3().listObjectsV2Paginator(r -> r.bucket(bucket)
                    .prefix(MediaKey.ALBUMS_PREFIX + albumPrefix)).contents()) {
                MediaKey key = MediaKey.of(object.key());
                if (key.kind() != MediaKey.Kind.PHOTO && key.kind() != MediaKey.Kind.VIDEO) {
                    skipped++; // the resize function would only acknowledge it (videos it passes on)
                    continue;
                }
                // The resize function acts on an event only if its sequencer is newer than the catalog
                // entry's. The stored one's successor is: the photo is processed again. Yet it is older
                // than the S3 event of any later upload, so a reprocess that arrives after one is refused
                // rather than rolling it back. The ETag makes the function skip an original replaced
                // since this listing; the replacement's own event follows.
                PhotoId id = PhotoId.of(key);
                if (!id.album().equals(album)) {
                    album = id.album();
                    sequencers = catalog.sequencersAfter(album);
                }
                ObjectEvent event = new ObjectEvent(ObjectEvent.Type.CREATED, "ObjectCreated:Put", bucket, object.key(),
                        object.size(), Optional.of(ETags.unquoted(object.eTag())), Optional.empty(),
                        sequencers.getOrDefault(id.fileName(), PhotoCatalog.sequencerWithoutEntry()), Instant.now());
                batches.add(S3EventMessages.write(event, CONFIGURATION_ID));
                added++;
            }
            refused = batches.refused();
        }
        out().printf("Sent %s to the resize queue; skipped %s.%n",
                count(added - refused.size(), "photo or video", "photos and videos"), count(skipped, "other file"));
        if (!refused.isEmpty()) {
            spec.commandLine().getErr().printf("The resize queue refused %d: %s%n", refused.size(), refused.get(0).message());
            return 1;
        }
        return 0;
    }
}
