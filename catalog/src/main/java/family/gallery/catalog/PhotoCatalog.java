package family.gallery.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The photo entries of the catalog table. Writes are conditional on S3's sequencer, so duplicate,
 * late and out-of-order events can neither roll an entry back nor bring a deleted photo back.
 * Reads are strongly consistent. Thread-safe; the client is the caller's.
 */
public final class PhotoCatalog {

    private static final String NEWER_THAN_STORED = "attribute_not_exists(" + PhotoItems.PK + ") OR "
            + PhotoItems.SEQUENCER + " < :sequencer";
    private static final Map<String, String> STATUS_NAME = Map.of("#status", PhotoItems.STATUS);
    private static final AttributeValue DELETED = PhotoItems.s(PhotoStatus.DELETED.name());
    /** Segments of a full scan, read at once: DynamoDB serves each from its own partitions. */
    static final int SCAN_SEGMENTS = 4;

    private final DynamoDbClient dynamo;
    private final String table;

    public PhotoCatalog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The entry for one original, tombstones included. */
    public Optional<PhotoEntry> find(PhotoId id) {
        Map<String, AttributeValue> item = dynamo
                .getItem(r -> r.tableName(table).key(PhotoItems.key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PhotoItems.fromItem(item));
    }

    /**
     * For each original of one album (not of its sub-albums) that has an entry, tombstones included,
     * by file name: the sequencer for an event that makes the resize function process it again, the
     * one right after the stored entry's, so the event replaces that entry. S3 events of later changes
     * still order after it, as no S3 sequencer falls between the stored one and its successor (that
     * would need a 64th digit). One query for the album, however many photos it holds.
     */
    public Map<String, String> sequencersAfter(String album) {
        Map<String, String> sequencers = new HashMap<>();
        dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :photo)")
                        .expressionAttributeValues(Map.of(":pk", PhotoItems.s(PhotoId.partitionKey(album)),
                                ":photo", PhotoItems.s(PhotoId.PHOTO_PREFIX))))
                .items().stream().map(PhotoItems::fromItem)
                .forEach(entry -> sequencers.put(entry.id().fileName(), CatalogSequencers.successor(entry.sequencer())));
        return sequencers;
    }

    /** The sequencer for such an event about an original the catalog has no entry for. */
    public static String sequencerWithoutEntry() {
        return CatalogSequencers.successor("");
    }

    /**
     * Writes the entry unless the catalog already holds an entry for the same original with the
     * same or a newer sequencer.
     */
    public Recorded record(PhotoEntry entry) {
        try {
            PutItemResponse response = dynamo.putItem(r -> r.tableName(table)
                    .item(PhotoItems.toItem(entry))
                    .conditionExpression(NEWER_THAN_STORED)
                    .expressionAttributeValues(Map.of(":sequencer",
                            PhotoItems.s(CatalogSequencers.sortable(entry.sequencer()))))
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Recorded(entry, true, entryOf(response.attributes()));
        } catch (ConditionalCheckFailedException stale) {
            return new Recorded(entry, false, entryOf(stale.item()));
        }
    }

    /** The READY and FAILED entries of one album (not of its sub-albums), in file name order. */
    public List<PhotoEntry> album(String album) {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :photo)")
                        .filterExpression("#status <> :deleted")
                        .expressionAttributeNames(STATUS_NAME)
                        .expressionAttributeValues(Map.of(":pk", PhotoItems.s(PhotoId.partitionKey(album)),
                                ":photo", PhotoItems.s(PhotoId.PHOTO_PREFIX), ":deleted", DELETED)))
                .items().stream().map(PhotoItems::fromItem).toList();
    }

    /** Every READY and FAILED entry of every album, in no particular order. */
    public List<PhotoEntry> photos() {
        Queue<PhotoEntry> entries = new ConcurrentLinkedQueue<>();
        forEachPhoto(entries::add);
        return List.copyOf(entries);
    }

    /**
     * Every READY and FAILED entry of every album, in no particular order, read by a parallel scan of
     * {@link #SCAN_SEGMENTS} segments, page by page: {@code each} is called from that many threads at
     * once, and no more than a page per segment is held here at a time.
     */
    public void forEachPhoto(Consumer<PhotoEntry> each) {
        ExecutorService segments = Executors.newFixedThreadPool(SCAN_SEGMENTS);
        try {
            CompletableFuture.allOf(IntStream.range(0, SCAN_SEGMENTS).mapToObj(segment -> CompletableFuture.runAsync(() ->
                    dynamo.scanPaginator(r -> r.tableName(table).consistentRead(true)
                                    .segment(segment).totalSegments(SCAN_SEGMENTS)
                                    .filterExpression("begins_with(pk, :album) AND begins_with(sk, :photo) AND #status <> :deleted")
                                    .expressionAttributeNames(STATUS_NAME)
                                    .expressionAttributeValues(Map.of(":album", PhotoItems.s(PhotoId.ALBUM_PREFIX),
                                            ":photo", PhotoItems.s(PhotoId.PHOTO_PREFIX), ":deleted", DELETED)))
                            .items().forEach(item -> each.accept(PhotoItems.fromItem(item))), segments))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        } finally {
            segments.shutdownNow();
        }
    }

    private static Optional<PhotoEntry> entryOf(Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PhotoItems.fromItem(item));
    }
}
