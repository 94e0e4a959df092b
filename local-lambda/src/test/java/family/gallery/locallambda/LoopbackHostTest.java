package family.gallery.locallambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpServer;

class LoopbackHostTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:9000", "localhost", "localhost:8080", "LocalHost:1", " localhost:80 "})
    void loopbackNamesAreServed(String host) {
        assertTrue(LoopbackHost.accepts(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rebound.example", "rebound.example:9000", "127.0.0.1.rebound.example", "localhost.rebound.example:80",
            "127.0.0.2", "0.0.0.0:9000", "[::1]:9000", "localhost:", "localhost:80x", "", "evil@localhost"})
    void otherNamesAreRefused(String host) {
        assertFalse(LoopbackHost.accepts(host), host);
    }

    @Test
    void noHostIsRefused() {
        assertFalse(LoopbackHost.accepts(null));
    }

    @Test
    void aGuardedContextAnswersAForeignHostWithMisdirectedRequestBeforeItsHandlerRuns() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int[] handled = {0};
        LoopbackHost.guard(server.createContext("/", exchange -> {
            handled[0]++;
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }));
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertEquals(421, status(port, "rebound.example:" + port));
            assertEquals(0, handled[0], "the handler never saw the foreign request");
            assertEquals(204, status(port, "127.0.0.1:" + port));
            assertEquals(1, handled[0]);
        } finally {
            server.stop(0);
        }
    }

    private static int status(int port, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
