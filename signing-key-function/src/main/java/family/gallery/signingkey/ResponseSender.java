package family.gallery.signingkey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers CloudFormation by a PUT of the response document to the request's pre-signed URL. The
 * URL is signed without a content type, so none is sent.
 */
public final class ResponseSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public void send(CustomResourceEvent event, boolean success, String reason, String physicalResourceId, Map<String, String> data)
            throws IOException, InterruptedException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Status", success ? "SUCCESS" : "FAILED");
        document.put("Reason", reason);
        document.put("PhysicalResourceId", physicalResourceId);
        document.put("StackId", event.stackId());
        document.put("RequestId", event.requestId());
        document.put("LogicalResourceId", event.logicalResourceId());
        document.put("NoEcho", false);
        document.put("Data", data);
        HttpRequest put = HttpRequest.newBuilder(URI.create(event.responseUrl())).timeout(Duration.ofSeconds(20))
                .PUT(HttpRequest.BodyPublishers.ofString(json(document))).build();
        HttpResponse<String> answer = http.send(put, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("CloudFormation's response URL answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static String json(Map<String, Object> document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
