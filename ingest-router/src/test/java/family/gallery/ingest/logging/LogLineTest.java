package family.gallery.ingest.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LogLineTest {

    @Test
    void fieldsComeOutAsOneJsonObjectInTheirOrderWithoutNulls() throws Exception {
        String line = LogLine.of("photo").with("key", "albums/Été \"2026\"/a\nb.jpg").with("durationMs", 640L)
                .with("reason", null).toString();
        assertEquals(1, line.lines().count(), line);
        JsonNode parsed = new ObjectMapper().readTree(line);
        assertEquals("photo", parsed.get("event").asText());
        assertEquals("albums/Été \"2026\"/a\nb.jpg", parsed.get("key").asText());
        assertEquals(640, parsed.get("durationMs").asLong());
        assertEquals(false, parsed.has("reason"));
        java.util.List<String> names = new java.util.ArrayList<>();
        parsed.fieldNames().forEachRemaining(names::add);
        assertEquals(java.util.List.of("event", "key", "durationMs"), names);
    }
}
