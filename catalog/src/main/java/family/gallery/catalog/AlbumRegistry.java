package family.gallery.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The albums that have had a live photo, one item each in the partition {@code pk = ALBUMS}
 * ({@code sk = ALBUM#<album path>}), and the item {@code sk = COMPLETE} once every album of the
 * catalog is listed. An album is registered before its first photo is written, and never
 * unregistered: an album emptied since costs an empty query, while removing its item could race
 * with a photo being written into it.
 */
final class AlbumRegistry {

    static final String PARTITION = "ALBUMS";
    static final String COMPLETE = "COMPLETE";

    private final DynamoDbClient dynamo;
    private final String table;
    /** Albums this instance has registered; a Lambda instance writes each album's item once. */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    AlbumRegistry(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    void register(String album) {
        if (!registered.contains(album)) {
            dynamo.putItem(r -> r.tableName(table).item(item(album)));
            registered.add(album);
        }
    }

    /** Registers the albums a scan found, then marks the registry complete. */
    void registerAll(Collection<String> albums) {
        BatchWrites.put(dynamo, table, albums.stream().map(AlbumRegistry::item).toList());
        registered.addAll(albums);
        dynamo.putItem(r -> r.tableName(table).item(Map.of(PhotoItems.PK, PhotoItems.s(PARTITION),
                PhotoItems.SK, PhotoItems.s(COMPLETE))));
    }

    /** @return every registered album, or nothing while the registry is not complete */
    Optional<List<String>> all() {
        List<String> albums = new ArrayList<>();
        boolean complete = false;
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", PhotoItems.s(PARTITION)))).items()) {
            String sk = item.get(PhotoItems.SK).s();
            if (sk.equals(COMPLETE)) {
                complete = true;
            } else if (sk.startsWith(PhotoId.ALBUM_PREFIX)) {
                albums.add(sk.substring(PhotoId.ALBUM_PREFIX.length()));
            }
        }
        return complete ? Optional.of(albums) : Optional.empty();
    }

    private static Map<String, AttributeValue> item(String album) {
        return Map.of(PhotoItems.PK, PhotoItems.s(PARTITION), PhotoItems.SK, PhotoItems.s(PhotoId.ALBUM_PREFIX + album));
    }
}
