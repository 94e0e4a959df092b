package family.gallery.catalog;

import java.math.BigInteger;
import java.util.Locale;

import family.gallery.ingest.Sequencers;

/**
 * S3 sequencers in a form DynamoDB can compare in a condition expression: upper case and
 * right-padded with zeros to a fixed width, which orders exactly as {@link Sequencers#compare} does.
 */
final class CatalogSequencers {

    static final int WIDTH = 64;

    private CatalogSequencers() {
    }

    static String sortable(String sequencer) {
        if (sequencer.isEmpty() || sequencer.length() > WIDTH || !sequencer.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not an S3 sequencer: " + sequencer);
        }
        return sequencer.toUpperCase(Locale.ROOT) + "0".repeat(WIDTH - sequencer.length());
    }

    /**
     * The next sequencer after this one (empty: after none) among those of at most {@link #WIDTH}
     * digits: nothing orders between the two.
     */
    static String successor(String sequencer) {
        BigInteger stored = sequencer.isEmpty() ? BigInteger.ZERO : new BigInteger(sortable(sequencer), 16);
        return String.format(Locale.ROOT, "%0" + WIDTH + "X", stored.add(BigInteger.ONE));
    }
}
