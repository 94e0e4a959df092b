package family.gallery.locallambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Runtime API as a runtime sees it, driven by a plain HTTP client. */
class RuntimeApiServerTest {

    private static final String ARN = "arn:aws:lambda:eu-west-1:000000000000:function:Fn";

    private final LinkedBlockingQueue<PendingInvocation> due = new LinkedBlockingQueue<>();
    private final List<String> calls = new ArrayList<>();
    private final RuntimeApiServer server = new RuntimeApiServer(new RuntimeApiServer.Invocations() {
        @Override
        public PendingInvocation next() throws InterruptedException {
            return due.take();
        }

        @Override
        public boolean respond(String requestId, String payload) {
            calls.add("response " + requestId + " " + payload);
            return requestId.equals("known");
        }

        @Override
        public boolean fail(String requestId, String errorDocument, String errorTypeHeader) {
            calls.add("error " + requestId + " " + errorTypeHeader + " " + errorDocument);
            return requestId.equals("known");
        }

        @Override
        public void initFailed(String errorDocument, String errorTypeHeader) {
            calls.add("init " + errorTypeHeader + " " + errorDocument);
        }

        @Override
        public void readyForSnapshot() {
            calls.add("snapshot");
        }
    }, ARN);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + server.address() + path))
                .header("Lambda-Runtime-Function-Error-Type", "Runtime.Custom")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertTrue(server.address().matches("127\\.0\\.0\\.1:\\d+"), server.address());
    }

    @Test
    void nextWaitsForAnInvocationAndCarriesLambdasHeaders() throws Exception {
        PendingInvocation invocation = new PendingInvocation("{\"key\":\"caf\u00e9 \ud83d\ude00\"}");
        invocation.deadlineEpochMillis = 1_900_000_000_000L;
        new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            due.add(invocation);
        }).start();

        HttpResponse<String> next = send("GET", "/2018-06-01/runtime/invocation/next", null);

        assertEquals(200, next.statusCode());
        assertEquals("{\"key\":\"caf\u00e9 \ud83d\ude00\"}", next.body());
        assertEquals(invocation.requestId, next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
        assertEquals("1900000000000", next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
        assertEquals(ARN, next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow());
        assertTrue(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow()
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0"));
    }

    /** A runtime started for SnapStart reports the end of its start-up, and is restored at once. */
    @Test
    void aSnapStartCheckpointIsAnsweredAtOnce() throws Exception {
        assertEquals(200, send("GET", "/2018-06-01/runtime/restore/next", null).statusCode());
        assertEquals(List.of("snapshot"), calls);
    }

    @Test
    void responsesAndErrorsForARunningInvocationAreAccepted() throws Exception {
        assertEquals(202, send("POST", "/2018-06-01/runtime/invocation/known/response", "{\"ok\":true}").statusCode());
        assertEquals(202, send("POST", "/2018-06-01/runtime/invocation/known/error", "{\"errorType\":\"E\"}").statusCode());

        assertEquals(List.of("response known {\"ok\":true}", "error known Runtime.Custom {\"errorType\":\"E\"}"), calls);
    }

    @Test
    void aReplyForAnInvocationThatIsNotRunningIsRefused() throws Exception {
        HttpResponse<String> refused = send("POST", "/2018-06-01/runtime/invocation/stale/response", "{}");

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("InvalidRequestID"), refused.body());
        assertEquals(400, send("POST", "/2018-06-01/runtime/invocation/stale/error", "{}").statusCode());
    }

    @Test
    void anInitErrorIsPassedOn() throws Exception {
        assertEquals(202, send("POST", "/2018-06-01/runtime/init/error", "{\"errorMessage\":\"no config\"}").statusCode());

        assertEquals(List.of("init Runtime.Custom {\"errorMessage\":\"no config\"}"), calls);
    }

    @Test
    void anythingElseIsNotFound() throws Exception {
        assertEquals(404, send("POST", "/2018-06-01/runtime/invocation/next", "{}").statusCode());
        assertEquals(404, send("GET", "/2018-06-01/runtime/invocation/known/response", null).statusCode());
        assertEquals(404, send("GET", "/2015-03-31/functions/Fn/invocations", null).statusCode());
        assertEquals(404, send("POST", "/2018-06-01/runtime/invocation/a/b/response", "{}").statusCode());
        assertTrue(calls.isEmpty(), calls.toString());
    }
}
