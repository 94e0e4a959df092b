package family.gallery.resize;

import java.time.Duration;
import java.time.Instant;

import com.amazonaws.services.lambda.runtime.Context;

/** When work in an invocation must be done: before Lambda stops it, with time left to record the outcome. */
final class Deadlines {

    /** Enough to write renditions, the catalog entry and the rebuild notice after the work is stopped. */
    static final Duration MARGIN = Duration.ofSeconds(30);
    /** Lambda's longest timeout; also what a context without a deadline (a test harness's) is given. */
    static final Duration LONGEST_INVOCATION = Duration.ofMinutes(15);

    private Deadlines() {
    }

    static Instant of(Context context) {
        long remaining = context == null ? 0 : context.getRemainingTimeInMillis();
        if (remaining <= 0 || remaining > LONGEST_INVOCATION.toMillis()) {
            remaining = LONGEST_INVOCATION.toMillis();
        }
        return Instant.now().plusMillis(Math.max(0, remaining - MARGIN.toMillis()));
    }
}
