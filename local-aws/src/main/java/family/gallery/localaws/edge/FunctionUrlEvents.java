package family.gallery.localaws.edge;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lambda function URL events (payload format 2.0) in, function URL answers out. */
final class FunctionUrlEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What the origin is asked: headers already filtered and lower-cased, cookies as the viewer sent them. */
    record Request(String method, String rawPath, String rawQuery, Map<String, String> headers, List<String> cookies,
            byte[] body, String sourceIp, Instant time) {
    }

    private FunctionUrlEvents() {
    }

    static String event(Request request, String functionUrlHost) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery());
        if (!request.cookies().isEmpty()) {
            event.putPOJO("cookies", request.cookies());
        }
        event.putPOJO("headers", request.headers());
        Map<String, String> parameters = queryParameters(request.rawQuery());
        if (!parameters.isEmpty()) {
            event.putPOJO("queryStringParameters", parameters);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "anonymous");
        context.put("apiId", functionUrlHost.substring(0, functionUrlHost.indexOf('.')));
        context.put("domainName", functionUrlHost);
        context.put("domainPrefix", functionUrlHost.substring(0, functionUrlHost.indexOf('.')));
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.headers().getOrDefault("user-agent", "Amazon CloudFront"));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(request.time()));
        context.put("timeEpoch", request.time().toEpochMilli());
        if (request.body().length > 0) {
            boolean text = isText(request.headers().get("content-type"));
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.toString();
    }

    /** Query parameters as function URLs give them: decoded, repeated names joined with commas. */
    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    // Function URLs pass text bodies as they are and everything else in base64.
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript");
    }

    /** The function's answer as a function URL turns it into HTTP. */
    static EdgeResponse response(String answerJson) {
        JsonNode answer;
        try {
            answer = JSON.readTree(answerJson);
        } catch (IOException e) {
            return EdgeResponse.of(502, "text/plain; charset=utf-8", "The function answered something that is not JSON.");
        }
        if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
            // Without a statusCode the whole answer is the body, as function URLs do.
            return EdgeResponse.of(200, "application/json", answerJson);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.path("headers").properties().forEach(header -> headers.put(header.getKey(), new ArrayList<>(List.of(header.getValue().asText()))));
        answer.path("multiValueHeaders").properties().forEach(header -> header.getValue().forEach(value ->
                headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(value.asText())));
        answer.path("cookies").forEach(cookie -> headers.computeIfAbsent("Set-Cookie", name -> new ArrayList<>()).add(cookie.asText()));
        String body = answer.path("body").isNull() ? "" : answer.path("body").asText("");
        byte[] bytes = answer.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new EdgeResponse(answer.path("statusCode").asInt(502), headers, bytes);
    }
}
