package family.gallery.locallambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;

/**
 * The only names a local endpoint answers to: {@code 127.0.0.1} and {@code localhost}, with or
 * without a port. Every local endpoint listens on 127.0.0.1 alone, yet a web page from elsewhere can
 * still reach it by DNS rebinding (its own name made to resolve to 127.0.0.1); its requests then carry
 * that name in {@code Host}, and are refused with 421 Misdirected Request.
 */
public final class LoopbackHost {

    public static final int MISDIRECTED = 421;
    public static final String REFUSAL = "This local endpoint answers only to Host 127.0.0.1 or localhost.";

    private LoopbackHost() {
    }

    /** Whether a request with this {@code Host} header (null when it has none) is to be served. */
    public static boolean accepts(String host) {
        if (host == null) {
            return false;
        }
        String name = host.trim();
        int colon = name.lastIndexOf(':');
        if (colon >= 0) {
            String port = name.substring(colon + 1);
            if (port.isEmpty() || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            name = name.substring(0, colon);
        }
        name = name.toLowerCase(Locale.ROOT);
        return name.equals("127.0.0.1") || name.equals("localhost");
    }

    /** Refuses, before its handler runs, every request of the context whose Host is not a loopback name. */
    public static HttpContext guard(HttpContext context) {
        context.getFilters().add(new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                if (accepts(exchange.getRequestHeaders().getFirst("Host"))) {
                    chain.doFilter(exchange);
                    return;
                }
                try (exchange) {
                    byte[] body = (REFUSAL + "\n").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                    exchange.sendResponseHeaders(MISDIRECTED, body.length);
                    exchange.getResponseBody().write(body);
                }
            }

            @Override
            public String description() {
                return "loopback Host only";
            }
        });
        return context;
    }
}
