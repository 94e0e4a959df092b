package family.gallery.locallambda;

import java.util.Objects;

/**
 * What an invocation returned: the function's response, or the error Lambda reports for it.
 *
 * @param requestId the invocation's request id
 * @param payload the response document, or the error document when the invocation failed
 * @param error null when the function returned normally
 */
public record InvocationResult(String requestId, String payload, FunctionError error) {

    public InvocationResult {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(payload, "payload");
    }

    public boolean succeeded() {
        return error == null;
    }

    /**
     * A failed invocation, as the Invoke API reports it in the payload and X-Amz-Function-Error.
     *
     * @param errorType for instance {@code java.lang.IllegalStateException}, {@code Sandbox.Timedout}
     *        or {@code Runtime.ExitError}
     * @param errorMessage the message
     */
    public record FunctionError(String errorType, String errorMessage) {
    }
}
