package family.gallery.localaws.edge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import family.gallery.locallambda.LoopbackHost;

/**
 * SSM Parameter Store's {@code GetParameter} on 127.0.0.1 (AWS JSON 1.1 protocol), for the
 * SecureString that holds the cookie-signing key: an SDK pointed at it with
 * {@code AWS_ENDPOINT_URL_SSM} reads the parameter as on AWS. Without {@code WithDecryption} a
 * SecureString comes back as an opaque ciphertext, as it does from SSM. Credentials are not checked.
 */
public final class LocalParameterStore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GET_PARAMETER = "AmazonSSM.GetParameter";

    private record Parameter(String value, Instant lastModified) {
    }

    private final Map<String, Parameter> secureStrings = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final String region;
    private final String accountId;

    private LocalParameterStore(HttpServer server, String region, String accountId) {
        this.server = server;
        this.region = region;
        this.accountId = accountId;
    }

    public static LocalParameterStore start(int port, String region, String accountId) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        } catch (IOException e) {
            throw new IllegalStateException("the parameter store cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        LocalParameterStore store = new LocalParameterStore(server, region, accountId);
        LoopbackHost.guard(server.createContext("/", store::handle));
        server.start();
        return store;
    }

    public void putSecureString(String name, String value) {
        secureStrings.put(name, new Parameter(value, Instant.now()));
    }

    /** Points an AWS SDK (v2) in a function at this store. */
    public Map<String, String> functionEnvironment() {
        return Map.of("AWS_ENDPOINT_URL_SSM", endpoint().toString());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!GET_PARAMETER.equals(target) || request == null) {
                send(exchange, 400, error("InvalidAction", "only GetParameter is served locally, not " + target));
                return;
            }
            String name = request.path("Name").asText("");
            Parameter parameter = secureStrings.get(name);
            if (parameter == null) {
                send(exchange, 400, error("ParameterNotFound", "Parameter " + name + " not found."));
                return;
            }
            ObjectNode answer = JSON.createObjectNode();
            ObjectNode found = answer.putObject("Parameter");
            found.put("Name", name);
            found.put("Type", "SecureString");
            found.put("Value", request.path("WithDecryption").asBoolean(false) ? parameter.value()
                    : Base64.getEncoder().encodeToString(("encrypted:" + name).getBytes(StandardCharsets.UTF_8)));
            found.put("Version", 1);
            found.put("LastModifiedDate", parameter.lastModified().getEpochSecond());
            found.put("ARN", "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + (name.startsWith("/") ? "" : "/") + name);
            found.put("DataType", "text");
            send(exchange, 200, answer);
        }
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        return error;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
