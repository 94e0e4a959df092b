package family.gallery.site.benchmark;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap kept live while something runs, sampled by a full collection every
 * {@link #INTERVAL_MILLIS} (so the figure is what the work held, not the garbage it made, and those
 * collections are part of the time measured). The local stack shares this JVM: what it holds before
 * is shown apart, and the emulators' own work during the build makes the figure an upper bound.
 */
final class LiveHeap {

    private static final long INTERVAL_MILLIS = 2000;

    private final long before;
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;

    private LiveHeap(long before) {
        this.before = before;
        this.sampler = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(INTERVAL_MILLIS);
                    peak.accumulateAndGet(liveNow(), Math::max);
                }
            } catch (InterruptedException stopped) {
                // done
            }
        }, "live-heap-sampler");
        sampler.setDaemon(true);
    }

    /** Notes what is live now, and samples from now on. */
    static LiveHeap watch() {
        LiveHeap heap = new LiveHeap(liveNow());
        heap.sampler.start();
        return heap;
    }

    /** @return the peak live heap above what was live before, in bytes */
    long stop() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
        return Math.max(0, Math.max(peak.get(), liveNow()) - before);
    }

    long before() {
        return before;
    }

    private static long liveNow() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
