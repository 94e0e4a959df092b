package family.gallery.localaws.edge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An answer on its way to the viewer. */
record EdgeResponse(int status, Map<String, List<String>> headers, byte[] body) {

    static EdgeResponse of(int status, String contentType, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
        return new EdgeResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    EdgeResponse withStatus(int newStatus) {
        return new EdgeResponse(newStatus, headers, body);
    }

    /** Sets the headers, replacing any the origin sent under the same name (the policies' override). */
    EdgeResponse withHeaders(Map<String, String> added) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (added.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                all.put(name, values);
            }
        });
        added.forEach((name, value) -> all.put(name, List.of(value)));
        return new EdgeResponse(status, all, body);
    }
}
