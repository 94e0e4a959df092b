package family.gallery.localaws.edge;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** A request as the edge received it: names of headers lower-cased, repeated headers kept in order. */
record ViewerRequest(String method, String rawPath, String rawQuery, String host, Map<String, List<String>> headers,
        byte[] body, String clientIp, int clientPort, Instant time) {

    static ViewerRequest of(HttpExchange exchange, Clock clock) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String host = headers.getOrDefault("host", List.of("")).get(0);
        return new ViewerRequest(exchange.getRequestMethod(), rawPath == null || rawPath.isEmpty() ? "/" : rawPath,
                rawQuery == null ? "" : rawQuery, host, headers, exchange.getRequestBody().readAllBytes(),
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getRemoteAddress().getPort(), clock.instant());
    }

    /** The edge's own GET of a custom error page. */
    static ViewerRequest internal(String path, Clock clock) {
        return new ViewerRequest("GET", path, "", "", Map.of(), new byte[0], "127.0.0.1", 0, clock.instant());
    }

    /** The cookies of every {@code Cookie} header; the first of a name counts. */
    Map<String, String> cookies() {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String pair : cookiePairs()) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.putIfAbsent(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return cookies;
    }

    private List<String> cookiePairs() {
        List<String> pairs = new ArrayList<>();
        headers.getOrDefault("cookie", List.of()).forEach(header -> {
            for (String pair : header.split(";")) {
                if (!pair.isBlank()) {
                    pairs.add(pair.strip());
                }
            }
        });
        return pairs;
    }

    /** Whether {@code x-amz-content-sha256} holds the SHA-256 of the body, in lower-case hex. */
    boolean declaresBodyHash() {
        try {
            String declared = headers.getOrDefault("x-amz-content-sha256", List.of("")).get(0);
            return declared.equals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The request after the viewer-request functions that copy the Host header into the named headers. */
    ViewerRequest withHostHeaders(List<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        Map<String, List<String>> changed = new LinkedHashMap<>(headers);
        names.forEach(name -> changed.put(name, List.of(host)));
        return new ViewerRequest(method, rawPath, rawQuery, host, changed, body, clientIp, clientPort, time);
    }

    /** What the origin request policy lets through, plus the headers CloudFront itself adds. */
    FunctionUrlEvents.Request toOrigin(Distribution.OriginRequestPolicy policy, String originHost) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (policy.headers().contains(name)) {
                forwarded.put(name, String.join(",", values));
            }
        });
        if (policy.headers().contains(EdgeGateway.VIEWER_ADDRESS_HEADER) && clientPort > 0) {
            forwarded.put(EdgeGateway.VIEWER_ADDRESS_HEADER, clientIp + ":" + clientPort);
        }
        forwarded.put("host", originHost);
        forwarded.put("x-forwarded-for", clientIp);
        forwarded.put("x-forwarded-proto", "https");
        forwarded.put("via", "2.0 local.cloudfront.net (CloudFront)");
        return new FunctionUrlEvents.Request(method, rawPath, policy.queryStrings() ? rawQuery : "", forwarded,
                cookiePairs().stream().filter(pair -> policy.allCookies()
                        || policy.cookies().contains(pair.substring(0, Math.max(0, pair.indexOf('='))).strip())).toList(),
                body, "127.0.0.1", time);
    }
}
