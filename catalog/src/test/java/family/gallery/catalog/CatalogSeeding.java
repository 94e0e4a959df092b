package family.gallery.catalog;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Fills a catalog table for benchmarks, 25 entries a request and without the sequencer check
 * {@link PhotoCatalog#record} makes: the local DynamoDB answers conditional writes one at a time at
 * some eighty a second, too slow for a lifetime's hundred thousand photos. Their albums are not
 * registered, as in a catalog from before the album registry: the first full read scans for them.
 */
public final class CatalogSeeding {

    private CatalogSeeding() {
    }

    public static void write(DynamoDbClient dynamo, String table, List<PhotoEntry> entries) {
        BatchWrites.put(dynamo, table, entries.stream().map(PhotoItems::toItem).toList());
    }
}
