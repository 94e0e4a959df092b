package family.gallery.site.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Headless Chromium driven through its DevTools protocol over a WebSocket: navigate, evaluate
 * script, press keys. Enough to check what only a running page shows (layout, history).
 */
final class DevTools implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private DevTools(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    static DevTools launch(int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("chromium-devtools");
        Process process = new ProcessBuilder(Chromium.BINARY, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not open its DevTools port");
            }
            Thread.sleep(100);
        }
        String port = Files.readAllLines(portFile).get(0).strip();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if (target.path("type").asText().equals("page")) {
                page = target.path("webSocketDebuggerUrl").asText();
            }
        }
        DevTools[] holder = new DevTools[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    holder[0].receive(message.toString());
                    message.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        holder[0] = new DevTools(process, socket);
        return holder[0];
    }

    private void receive(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                    .get(10, TimeUnit.SECONDS);
            JsonNode answer = reply.get(20, TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + ": " + answer.get("error"));
            }
            return answer.path("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + " failed", e);
        }
    }

    void navigate(String url) {
        call("Page.navigate", Map.of("url", url));
    }

    /** The value of a script expression (awaiting a promise), as JSON. */
    JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until the expression is true. */
    void await(String expression, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        // The page may still be loading, so an expression that throws counts as not yet true.
        String check = "(() => { try { return Boolean(" + expression + "); } catch (notYet) { return false; } })()";
        while (!evaluate(check).asBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + expression + " at " + evaluate("location.href"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** From now on the page is on a phone: a touch screen and a mobile viewport of this size. */
    void emulatePhone(int width, int height) {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 3,
                "mobile", true));
        call("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
    }

    /** A left click with the mouse at this point of the viewport. */
    void click(double x, double y) {
        call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        for (String type : new String[] {"mousePressed", "mouseReleased"}) {
            call("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
        }
    }

    /** A drag with the mouse's left button held, along a row of the viewport. */
    void drag(double fromX, double toX, double y) throws InterruptedException {
        call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", fromX, "y", y));
        call("Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", fromX, "y", y, "button", "left", "clickCount", 1));
        int steps = 12;
        for (int step = 1; step <= steps; step++) {
            Thread.sleep(16);
            call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", fromX + (toX - fromX) * step / steps, "y", y,
                    "button", "left", "buttons", 1));
        }
        call("Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", toX, "y", y, "button", "left", "clickCount", 1));
    }

    /** A finger's tap at this point of the viewport. */
    void tap(double x, double y) {
        call("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(Map.of("x", x, "y", y))));
        call("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    /** A finger's swipe along a row of the viewport, in small steps as a hand moves. */
    void swipe(double fromX, double toX, double y) throws InterruptedException {
        call("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(Map.of("x", fromX, "y", y))));
        int steps = 12;
        for (int step = 1; step <= steps; step++) {
            Thread.sleep(16);
            call("Input.dispatchTouchEvent", Map.of("type", "touchMove", "touchPoints",
                    List.of(Map.of("x", fromX + (toX - fromX) * step / steps, "y", y))));
        }
        call("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    /**
     * The middle of a part of the browser's own media controls, such as
     * {@code -webkit-media-controls-play-button}, once it shows; found in the user-agent shadow tree
     * that scripts cannot see.
     */
    double[] mediaControl(String pseudo, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            java.util.Deque<JsonNode> nodes = new java.util.ArrayDeque<>();
            nodes.add(call("DOM.getDocument", Map.of("depth", -1, "pierce", true)).path("root"));
            while (!nodes.isEmpty()) {
                JsonNode node = nodes.pop();
                JsonNode quad = hasAttribute(node, "pseudo", pseudo) ? border(node.path("nodeId").asInt()) : null;
                if (quad != null) {
                    return new double[] {(quad.get(0).asDouble() + quad.get(4).asDouble()) / 2,
                        (quad.get(1).asDouble() + quad.get(5).asDouble()) / 2};
                }
                for (String children : new String[] {"children", "shadowRoots"}) {
                    node.path(children).forEach(nodes::add);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + pseudo + " showed on the page");
    }

    /** The corners of a node's border box, or null while it is not laid out. */
    private JsonNode border(int nodeId) {
        try {
            JsonNode model = call("DOM.getBoxModel", Map.of("nodeId", nodeId)).path("model");
            return model.path("width").asDouble() > 0 ? model.path("border") : null;
        } catch (IllegalStateException notLaidOut) {
            return null;
        }
    }

    private static boolean hasAttribute(JsonNode node, String name, String value) {
        JsonNode attributes = node.path("attributes");
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            if (attributes.get(i).asText().equals(name) && attributes.get(i + 1).asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    void pressKey(String key) {
        for (String type : new String[] {"rawKeyDown", "keyUp"}) {
            call("Input.dispatchKeyEvent", Map.of("type", type, "key", key, "code", key,
                    "windowsVirtualKeyCode", switch (key) {
                        case "ArrowLeft" -> 37;
                        case "ArrowRight" -> 39;
                        case "Escape" -> 27;
                        default -> 0;
                    }));
        }
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
