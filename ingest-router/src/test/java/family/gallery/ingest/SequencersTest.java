package family.gallery.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SequencersTest {

    @Test
    void comparesAfterPaddingTheShorterWithZeros() {
        assertTrue(Sequencers.compare("0055AED6DCD90281E5", "0055AED6DCD90281E6") < 0);
        assertEquals(0, Sequencers.compare("0055AED6DCD9028", "0055AED6DCD902800"));
        assertTrue(Sequencers.compare("0055AED6DCD9029", "0055AED6DCD90281E5") > 0);
        assertTrue(Sequencers.compare("0055aed6dcd90281e6", "0055AED6DCD90281E5") > 0);
    }

    @Test
    void sortsIntoEventOrder() {
        List<String> shuffled = new ArrayList<>(List.of("0066A2", "0066A1B9", "0066A1B2C3", "0066A1B3"));
        shuffled.sort(Sequencers.ORDER);
        assertEquals(List.of("0066A1B2C3", "0066A1B3", "0066A1B9", "0066A2"), shuffled);
    }
}
