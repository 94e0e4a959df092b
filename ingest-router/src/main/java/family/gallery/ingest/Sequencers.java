package family.gallery.ingest;

import java.util.Comparator;

/**
 * S3's {@code sequencer}: hexadecimal strings that order the events of one key. They may differ in
 * length, so S3 asks to compare them after right-padding the shorter with zeros.
 */
public final class Sequencers {

    public static final Comparator<String> ORDER = Sequencers::compare;

    private Sequencers() {
    }

    public static int compare(String a, String b) {
        int length = Math.max(a.length(), b.length());
        return pad(a, length).compareToIgnoreCase(pad(b, length));
    }

    private static String pad(String sequencer, int length) {
        return sequencer + "0".repeat(length - sequencer.length());
    }
}
