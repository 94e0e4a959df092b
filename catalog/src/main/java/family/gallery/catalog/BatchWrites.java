package family.gallery.catalog;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Unconditional puts, 25 to a request (DynamoDB's most), each request repeated for what it left unprocessed. */
final class BatchWrites {

    private static final int BATCH = 25;

    private BatchWrites() {
    }

    static void put(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            Map<String, List<WriteRequest>> pending = Map.of(table, items.subList(from, Math.min(items.size(), from + BATCH))
                    .stream().map(item -> WriteRequest.builder().putRequest(put -> put.item(item)).build()).toList());
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
