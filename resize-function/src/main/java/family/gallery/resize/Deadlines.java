package family.gallery.resize;

import java.time.Duration;
import java.time.Instant;

import com.amazonaws.services.lambda.runtime.Context;

/** When work in an invocation must be done: before Lambda stops it, with time left to record the outcome. */
final class Deadlines {

    /** Enough to write renditions, the catalog entry and the rebuild notice after the work is stopped. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    private Deadlines() {
    }

    static Instant of(Context context) {
        long remaining = context == null ? Long.MAX_VALUE / 2 : context.getRemainingTimeInMillis();
        return Instant.now().plusMillis(Math.max(0, remaining - MARGIN.toMillis()));
    }
}
