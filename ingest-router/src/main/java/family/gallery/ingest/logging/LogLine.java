package family.gallery.ingest.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One log line as a JSON object, for the lines an operator queries (a photo processed, a site
 * build): CloudWatch Logs Insights finds the fields of a JSON log event by itself, e.g.
 * {@code filter event = "photo" | stats avg(durationMs) by status}.
 */
public final class LogLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private LogLine(String event) {
        fields.put("event", event);
    }

    /** @param event what happened, e.g. {@code photo} or {@code build} */
    public static LogLine of(String event) {
        return new LogLine(event);
    }

    /** Adds a field; a null value is left out. */
    public LogLine with(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    @Override
    public String toString() {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log line of strings and numbers is always JSON", e);
        }
    }
}
