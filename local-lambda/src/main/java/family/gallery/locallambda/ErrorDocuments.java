package family.gallery.locallambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lambda's error document: {@code {"errorMessage": ..., "errorType": ...}}. */
final class ErrorDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorDocuments() {
    }

    static String of(String errorType, String errorMessage) {
        ObjectNode document = JSON.createObjectNode();
        document.put("errorMessage", errorMessage);
        document.put("errorType", errorType);
        return document.toString();
    }

    /**
     * Reads the error a runtime posted. The header names the type when the body does not, as the
     * Runtime API specifies; a body that is not an error document becomes the message.
     */
    static InvocationResult.FunctionError read(String body, String typeHeader) {
        String type = typeHeader;
        String message = body;
        try {
            JsonNode document = JSON.readTree(body);
            if (document != null && document.isObject()) {
                type = document.path("errorType").asText(typeHeader);
                message = document.path("errorMessage").asText("");
            }
        } catch (JsonProcessingException e) {
            // not JSON: keep the body as the message
        }
        return new InvocationResult.FunctionError(type == null || type.isEmpty() ? "Unhandled" : type, message);
    }
}
