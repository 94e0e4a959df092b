package family.gallery.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 *
 * <p>Every album with a live photo is also listed in the album registry ({@link AlbumRegistry}),
 * written before the album's first photo, so that every photo is read one small query per album
 * instead of by a scan of the whole table.
 */
public final class PhotoCatalog {

    private static final String NEWER_THAN_STORED = "attribute_not_exists(" + PhotoItems.PK + ") OR "
            + PhotoItems.SEQUENCER + " < :sequencer";
    private static final Map<String, String> STATUS_NAME = Map.of("#status", PhotoItems.STATUS);
    private static final AttributeValue DELETED = PhotoItems.s(PhotoStatus.DELETED.name());
    /** Segments of a full scan, read at once: DynamoDB serves each from its own partitions. */
    static final int SCAN_SEGMENTS = 4;
    /** Albums queried at once when every photo is read. */
    static final int PARALLEL_QUERIES = 16;

    private final DynamoDbClient dynamo;
    private final String table;
    private final AlbumRegistry albums;

    public PhotoCatalog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.albums = new AlbumRegistry(dynamo, table);
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
        if (entry.isLive()) {
            albums.register(entry.id().album());
        }
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
        List<PhotoEntry> entries = new ArrayList<>();
        albumItems(album).forEach(item -> entries.add(PhotoItems.fromItem(item)));
        return List.copyOf(entries);
    }

    /** Every READY and FAILED entry of every album, in no particular order. */
    public List<PhotoEntry> photos() {
        Queue<PhotoEntry> entries = new ConcurrentLinkedQueue<>();
        forEachPhoto(entries::add);
        return List.copyOf(entries);
    }

    /**
     * Every READY and FAILED entry of every album, in no particular order: one query per registered
     * album, {@link #PARALLEL_QUERIES} at a time, so {@code each} is called from that many threads at
     * once, and no more than a page per album is held here at a time. Until the registry is complete
     * (a catalog written before it existed), by a parallel scan of {@link #SCAN_SEGMENTS} segments
     * instead, which then registers every album it found and marks the registry complete.
     */
    public void forEachPhoto(Consumer<PhotoEntry> each) {
        Optional<List<String>> registered = albums.all();
        if (registered.isPresent()) {
            inParallel(PARALLEL_QUERIES, registered.get().stream()
                    .<Runnable>map(album -> () -> albumItems(album).forEach(item -> each.accept(PhotoItems.fromItem(item))))
                    .toList());
            return;
        }
        Set<String> found = ConcurrentHashMap.newKeySet();
        inParallel(SCAN_SEGMENTS, IntStream.range(0, SCAN_SEGMENTS).<Runnable>mapToObj(segment -> () ->
                dynamo.scanPaginator(r -> r.tableName(table).consistentRead(true)
                                .segment(segment).totalSegments(SCAN_SEGMENTS)
                                .filterExpression("begins_with(pk, :album) AND begins_with(sk, :photo) AND #status <> :deleted")
                                .expressionAttributeNames(STATUS_NAME)
                                .expressionAttributeValues(Map.of(":album", PhotoItems.s(PhotoId.ALBUM_PREFIX),
                                        ":photo", PhotoItems.s(PhotoId.PHOTO_PREFIX), ":deleted", DELETED)))
                        .items().forEach(item -> {
                            PhotoEntry entry = PhotoItems.fromItem(item);
                            found.add(entry.id().album());
                            each.accept(entry);
                        })).toList());
        albums.registerAll(found);
    }

    /** The album's live photo items, page by page as the query returns them. */
    private Iterable<Map<String, AttributeValue>> albumItems(String album) {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :photo)")
                        .filterExpression("#status <> :deleted")
                        .expressionAttributeNames(STATUS_NAME)
                        .expressionAttributeValues(Map.of(":pk", PhotoItems.s(PhotoId.partitionKey(album)),
                                ":photo", PhotoItems.s(PhotoId.PHOTO_PREFIX), ":deleted", DELETED)))
                .items();
    }

    /** Runs the work on that many threads; the first failure is rethrown once all have stopped. */
    private static void inParallel(int threads, List<Runnable> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CompletableFuture.allOf(work.stream().map(task -> CompletableFuture.runAsync(task, pool))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Optional<PhotoEntry> entryOf(Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PhotoItems.fromItem(item));
    }
}
