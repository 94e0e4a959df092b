package family.gallery.locallambda.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import family.gallery.locallambda.InvocationResult;

class BatchOutcomeTest {

    private static final List<String> BATCH = List.of("a", "b", "c");

    private static InvocationResult returned(String payload) {
        return new InvocationResult("request", payload, null);
    }

    @Test
    void theNamedItemsFailAndTheOthersSucceed() {
        assertEquals(Set.of("b"), BatchOutcome.succeeded(BATCH,
                returned("{\"batchItemFailures\":[{\"itemIdentifier\":\"a\"},{\"itemIdentifier\":\"c\"}]}"), true));
    }

    @Test
    void anItemNamedTwiceFailsOnce() {
        assertEquals(Set.of("b", "c"), BatchOutcome.succeeded(BATCH,
                returned("{\"batchItemFailures\":[{\"itemIdentifier\":\"a\"},{\"itemIdentifier\":\"a\"}]}"), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "{}", "{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}",
        "{\"somethingElse\":1}"})
    void anEmptyResponseSucceedsTheWholeBatch(String payload) {
        assertEquals(Set.copyOf(BATCH), BatchOutcome.succeeded(BATCH, returned(payload), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"not-in-batch\"}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"a\"},{\"itemIdentifier\":\"\"}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
        "{\"batchItemFailures\":[{\"itemId\":\"a\"}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":1}]}",
        "{\"batchItemFailures\":[\"a\"]}",
        "{\"batchItemFailures\":\"a\"}",
        "[\"a\"]",
        "\"done\"",
        "{not json",
    })
    void aResponseThatIsNotAValidBatchResponseFailsTheWholeBatch(String payload) {
        assertEquals(Set.of(), BatchOutcome.succeeded(BATCH, returned(payload), true));
    }

    @Test
    void withoutReportBatchItemFailuresTheResponseIsIgnored() {
        assertEquals(Set.copyOf(BATCH), BatchOutcome.succeeded(BATCH,
                returned("{\"batchItemFailures\":[{\"itemIdentifier\":\"a\"}]}"), false));
        assertEquals(Set.copyOf(BATCH), BatchOutcome.succeeded(BATCH, returned("{not json"), false));
    }

    @Test
    void aFailedInvocationFailsTheWholeBatchEitherWay() {
        InvocationResult failed = new InvocationResult("request", "{}",
                new InvocationResult.FunctionError("Sandbox.Timedout", "timed out"));

        assertEquals(Set.of(), BatchOutcome.succeeded(BATCH, failed, true));
        assertEquals(Set.of(), BatchOutcome.succeeded(BATCH, failed, false));
    }
}
