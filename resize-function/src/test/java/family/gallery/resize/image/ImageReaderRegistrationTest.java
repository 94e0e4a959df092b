package family.gallery.resize.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The function reads exactly the formats it registers by hand (a native image sees no service
 * files): every ImageIO reader that a library on the class path offers through META-INF/services
 * must be registered in {@link DecodedOriginal#ADDED_READERS}. A new plugin on the class path fails
 * this test until it is registered (or its dependency goes).
 */
class ImageReaderRegistrationTest {

    @Test
    void everyReaderOnTheClassPathIsRegisteredOrLeftOutOnPurpose() throws IOException {
        Set<String> offered = new TreeSet<>();
        for (URL services : Collections.list(getClass().getClassLoader().getResources("META-INF/services/javax.imageio.spi.ImageReaderSpi"))) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(services.openStream(), StandardCharsets.UTF_8))) {
                reader.lines().map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty()).forEach(offered::add);
            }
        }
        Set<String> registered = DecodedOriginal.ADDED_READERS.stream().map(reader -> reader.getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(offered.containsAll(registered), "registered readers come from the class path's libraries: " + offered);
        Set<String> unaccounted = new TreeSet<>(offered);
        unaccounted.removeAll(registered);
        assertEquals(Set.of(), unaccounted, "register these in DecodedOriginal.ADDED_READERS, or keep their plugin off the class path");
    }
}
