package family.gallery.locallambda;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** One invocation on its way through an execution environment. */
final class PendingInvocation {

    final String requestId = UUID.randomUUID().toString();
    final byte[] payload;
    final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    volatile long startNanos;
    volatile long deadlineEpochMillis;
    volatile ScheduledFuture<?> timeout;
    /** Runs once, before the invoker sees the result, while the invocation is being delivered. */
    volatile Runnable onEnd = () -> { };

    PendingInvocation(String payload) {
        this.payload = payload.getBytes(StandardCharsets.UTF_8);
    }

    /** @return false when the invocation had already ended (answered, timed out or crashed) */
    boolean complete(String payload, InvocationResult.FunctionError error) {
        return complete(payload, error, () -> { });
    }

    /**
     * @param beforeResult runs only if this call ends the invocation, before the invoker can see the
     *        result
     */
    synchronized boolean complete(String payload, InvocationResult.FunctionError error, Runnable beforeResult) {
        if (result.isDone()) {
            return false;
        }
        ScheduledFuture<?> pendingTimeout = timeout;
        if (pendingTimeout != null) {
            pendingTimeout.cancel(false);
        }
        beforeResult.run();
        onEnd.run();
        return result.complete(new InvocationResult(requestId, payload, error));
    }

    /** Fails the invocation with an error raised by the platform, not the function. */
    boolean fail(String errorType, String message) {
        return fail(errorType, message, () -> { });
    }

    boolean fail(String errorType, String message, Runnable beforeResult) {
        String errorMessage = "RequestId: " + requestId + " Error: " + message;
        return complete(ErrorDocuments.of(errorType, errorMessage), new InvocationResult.FunctionError(errorType, errorMessage),
                beforeResult);
    }

    String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
