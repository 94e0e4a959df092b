package family.gallery.locallambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Lambda Runtime API (version 2018-06-01) of one execution environment, on 127.0.0.1 and a free
 * port: the runtime long-polls {@code invocation/next} and posts the response or the error.
 */
final class RuntimeApiServer implements AutoCloseable {

    /** What the API serves: the invocations of one execution environment. */
    interface Invocations {
        /** Blocks until the next invocation is due to this environment. */
        PendingInvocation next() throws InterruptedException;

        /** @return false when no invocation with that id is running */
        boolean respond(String requestId, String payload);

        /** @return false when no invocation with that id is running */
        boolean fail(String requestId, String errorDocument, String errorTypeHeader);

        void initFailed(String errorDocument, String errorTypeHeader);

        /** A SnapStart runtime has finished its start-up and is ready to be snapshotted. */
        void readyForSnapshot();
    }

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern INVOCATION_REPLY = Pattern.compile("invocation/([^/]+)/(response|error)");
    private static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Invocations invocations;
    private final String functionArn;

    RuntimeApiServer(Invocations invocations, String functionArn) {
        this.invocations = invocations;
        this.functionArn = functionArn;
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "lambda-runtime-api-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a Runtime API port on 127.0.0.1", e);
        }
        server.setExecutor(executor);
        LoopbackHost.guard(server.createContext("/", this::handle));
        server.start();
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (!path.startsWith(PREFIX)) {
                send(exchange, 404, error("UnknownPath", "no such resource: " + path));
                return;
            }
            String resource = path.substring(PREFIX.length());
            Matcher reply = INVOCATION_REPLY.matcher(resource);
            if (resource.equals("invocation/next") && method.equals("GET")) {
                next(exchange);
            } else if (reply.matches() && method.equals("POST")) {
                String body = body(exchange);
                boolean known = reply.group(2).equals("response")
                        ? invocations.respond(reply.group(1), body)
                        : invocations.fail(reply.group(1), body, exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER));
                if (known) {
                    send(exchange, 202, "{\"status\":\"OK\"}");
                } else {
                    send(exchange, 400, error("InvalidRequestID", "no running invocation " + reply.group(1)));
                }
            } else if (resource.equals("restore/next") && method.equals("GET")) {
                // SnapStart's checkpoint: nothing is snapshotted here, so the runtime is "restored" at once.
                invocations.readyForSnapshot();
                send(exchange, 200, "{}");
            } else if (resource.equals("init/error") && method.equals("POST")) {
                invocations.initFailed(body(exchange), exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, error("UnknownPath", "no such resource: " + method + " " + path));
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        PendingInvocation invocation;
        try {
            invocation = invocations.next();
        } catch (InterruptedException e) {
            // the environment is shutting down: the runtime gets no invocation, as a frozen one gets none
            Thread.currentThread().interrupt();
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", TraceIds.next());
        exchange.sendResponseHeaders(200, invocation.payload.length == 0 ? -1 : invocation.payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.payload);
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String error(String type, String message) {
        return ErrorDocuments.of(type, message);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
