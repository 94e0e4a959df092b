package family.gallery.locallambda;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** X-Ray trace headers shaped as Lambda passes them: {@code Root=1-<epoch hex>-<24 hex>;Parent=<16 hex>;Sampled=0}. */
final class TraceIds {

    private TraceIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex(random, 12)
                + ";Parent=" + hex(random, 8) + ";Sampled=0";
    }

    private static String hex(ThreadLocalRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
