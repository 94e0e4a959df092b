package family.gallery.site.debounce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import family.gallery.ingest.logging.LogLine;

/**
 * Decides when the site is built. Change notices bump the change sequence; the site is built only
 * once changes have been quiet for the quiet period and no photo or video waits for its renditions, under a
 * lease so two builds never overlap. Until then the builder sends itself a delayed tick to look again.
 * A failed build gives the lease back, retries later with a growing delay and fails the invocation;
 * the published site stays whole.
 */
public final class Debouncer {

    private static final Logger LOG = Logger.getLogger(Debouncer.class);
    /** Retries of a failing build before waiting for the next change. */
    static final int MAX_FAILURES = 5;

    /** Builds and publishes the site. */
    @FunctionalInterface
    public interface SiteBuilder {
        /** @param target the change sequence the build reflects */
        void build(long target);
    }

    /**
     * @param quietPeriod    how long changes must have stopped before a build
     * @param resizeWaitLimit how long after the last change a queued photo or video may still hold a build
     *                       back (a photo failing its retries waits in the queue for a long time; a long
     *                       video takes up to the video function's 15 minutes)
     * @param leaseTime      longer than the function's timeout, so an expired lease means a dead builder
     */
    public record Timing(Duration quietPeriod, Duration resizeWaitLimit, Duration leaseTime) {
    }

    private final BuildState state;
    private final ProcessingBacklog backlog;
    private final BuildTicks ticks;
    private final SiteBuilder builder;
    private final Timing timing;
    private final Clock clock;

    public Debouncer(BuildState state, ProcessingBacklog backlog, BuildTicks ticks, SiteBuilder builder, Timing timing,
            Clock clock) {
        this.state = state;
        this.backlog = backlog;
        this.ticks = ticks;
        this.builder = builder;
        this.timing = timing;
        this.clock = clock;
    }

    public void recordChange() {
        state.recordChange(clock.instant());
    }

    /** Builds if a build is due, else makes sure a tick will come back when it may be. */
    public void settle() {
        Instant now = clock.instant();
        BuildState.Snapshot snapshot = state.read();
        if (!snapshot.stale() || snapshot.failures() >= MAX_FAILURES) {
            return;
        }
        Instant quietAt = snapshot.lastChange().plus(timing.quietPeriod());
        if (now.isBefore(quietAt)) {
            tickAt(quietAt, now);
            return;
        }
        long resizing = backlog.pending();
        if (resizing > 0 && now.isBefore(snapshot.lastChange().plus(timing.resizeWaitLimit()))) {
            LOG.infof("%d photos or videos still being processed; build postponed", resizing);
            tickAt(now.plus(timing.quietPeriod()), now);
            return;
        }
        Optional<BuildState.Lease> lease = state.acquire(UUID.randomUUID().toString(), now, timing.leaseTime());
        if (lease.isEmpty()) {
            LOG.info("another build is running; it looks for later changes when it ends");
            tickAt(now.plus(timing.quietPeriod()), now);
            return;
        }
        BuildState.Snapshot after;
        try {
            builder.build(lease.get().target());
            after = state.complete(lease.get());
        } catch (RuntimeException e) {
            BuildState.Snapshot failed = state.fail(lease.get());
            LOG.error(LogLine.of("build").with("outcome", "failed").with("changeSequence", lease.get().target())
                    .with("failuresInARow", failed.failures()).with("error", String.valueOf(e))
                    .with("note", "the published site is unchanged"), e);
            if (failed.failures() < MAX_FAILURES) {
                tickAt(clock.instant().plus(timing.quietPeriod().multipliedBy(1L << failed.failures())), clock.instant());
            }
            throw e; // the invocation fails, so the failure shows in the function's error metric and alarm
        }
        if (after.stale()) {
            Instant later = clock.instant();
            tickAt(max(after.lastChange().plus(timing.quietPeriod()), later), later);
        }
    }

    private void tickAt(Instant due, Instant now) {
        if (state.claimTick(due, now)) {
            ticks.sendAt(due, now);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
