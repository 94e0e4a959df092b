package family.gallery.locallambda;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A custom runtime as a native image's bootstrap is one: it polls the Runtime API for the next
 * event and posts an answer that echoes it with what the environment told it, or an error when the
 * event asks for one. Run by the {@code bootstrap} script that {@code CustomRuntimeTest} packs.
 */
public final class EchoCustomRuntime {

    private EchoCustomRuntime() {
    }

    public static void main(String[] args) throws Exception {
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/";
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(api + "next")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            String event = next.body();
            boolean fail = event.contains("\"fail\"");
            String answer = fail
                    ? "{\"errorType\":\"EchoError\",\"errorMessage\":\"asked to fail\"}"
                    : "{\"echo\":" + event + ",\"function\":\"" + System.getenv("AWS_LAMBDA_FUNCTION_NAME")
                            + "\",\"executionEnv\":\"" + System.getenv("AWS_EXECUTION_ENV") + "\"}";
            http.send(HttpRequest.newBuilder(URI.create(api + requestId + (fail ? "/error" : "/response")))
                    .POST(HttpRequest.BodyPublishers.ofString(answer)).build(), HttpResponse.BodyHandlers.discarding());
        }
    }
}
