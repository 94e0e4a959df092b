package family.gallery.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void quotesAreDroppedAndAMissingETagIsEmpty() {
        assertEquals("9b2cf535f27731c974343645a3985328", ETags.unquoted("\"9b2cf535f27731c974343645a3985328\""));
        assertEquals("d41d8cd98f00b204e9800998ecf8427e-2", ETags.unquoted("d41d8cd98f00b204e9800998ecf8427e-2"));
        assertEquals("", ETags.unquoted(null));
    }
}
