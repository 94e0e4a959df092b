package family.gallery.locallambda.sqs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import family.gallery.locallambda.InvocationResult;

/** Which messages of a batch Lambda deletes after the invocation, by its rules for SQS. */
final class BatchOutcome {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchOutcome() {
    }

    /**
     * The ids of the messages that succeeded. A failed invocation fails the whole batch. Without
     * ReportBatchItemFailures any normal return succeeds the whole batch. With it, an empty or missing
     * response or {@code batchItemFailures} succeeds the whole batch; a response that is not JSON, not
     * shaped as a batch response, or names an item that is empty, missing or not in the batch fails
     * the whole batch; otherwise every message not named succeeded.
     */
    static Set<String> succeeded(List<String> batch, InvocationResult result, boolean reportBatchItemFailures) {
        if (!result.succeeded()) {
            return Set.of();
        }
        if (!reportBatchItemFailures) {
            return Set.copyOf(batch);
        }
        Set<String> failed = failedItems(result.payload(), batch);
        if (failed == null) {
            return Set.of();
        }
        Set<String> succeeded = new HashSet<>(batch);
        succeeded.removeAll(failed);
        return succeeded;
    }

    /** @return the failed ids, or null when the response fails the whole batch */
    private static Set<String> failedItems(String payload, List<String> batch) {
        JsonNode response;
        try {
            response = payload.isBlank() ? null : JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (response == null || response.isNull()) {
            return Set.of();
        }
        if (!response.isObject()) {
            return null;
        }
        JsonNode failures = response.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        if (!failures.isArray()) {
            return null;
        }
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            JsonNode identifier = failure.get("itemIdentifier");
            if (identifier == null || !identifier.isTextual() || identifier.asText().isEmpty()
                    || !batch.contains(identifier.asText())) {
                return null;
            }
            failed.add(identifier.asText());
        }
        return failed;
    }
}
