package family.gallery.locallambda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The execution environments of one function: a warm one when there is one, a new process while
 * fewer than the limit run, otherwise a wait. The most recently used environment is reused first,
 * so the others go idle and are reclaimed.
 */
final class FunctionPool implements AutoCloseable {

    private final FunctionDefinition function;
    private final FunctionPackage code;
    private final LocalLambdaOptions options;
    private final FunctionLog log;
    private final ScheduledExecutorService scheduler;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final Set<ExecutionEnvironment> all = new HashSet<>();
    private int started;
    private boolean closed;

    FunctionPool(FunctionDefinition function, FunctionPackage code, LocalLambdaOptions options, FunctionLog log,
            ScheduledExecutorService scheduler) {
        this.function = function;
        this.code = code;
        this.options = options;
        this.log = log;
        this.scheduler = scheduler;
    }

    FunctionDefinition function() {
        return function;
    }

    java.nio.file.Path logFile() {
        return log.file();
    }

    InvocationResult invoke(String payload) throws InterruptedException {
        ExecutionEnvironment environment = acquire();
        try {
            return environment.invoke(payload);
        } finally {
            release(environment);
        }
    }

    private synchronized ExecutionEnvironment acquire() throws InterruptedException {
        while (true) {
            if (closed) {
                throw new IllegalStateException(function.name() + " has been shut down");
            }
            while (!idle.isEmpty()) {
                ExecutionEnvironment environment = idle.pop();
                if (environment.alive()) {
                    return environment;
                }
                all.remove(environment);
            }
            if (all.size() < options.maxEnvironmentsPerFunction()) {
                ExecutionEnvironment environment = ExecutionEnvironment.start(function.name() + "-" + ++started,
                        function, code, options, log, scheduler);
                all.add(environment);
                return environment;
            }
            wait();
        }
    }

    private synchronized void release(ExecutionEnvironment environment) {
        if (environment.alive() && !closed) {
            idle.push(environment);
        } else {
            all.remove(environment);
            environment.close();
        }
        notifyAll();
    }

    /** Shuts down the environments that have waited longer than the idle timeout. */
    synchronized void reclaimIdle() {
        long limit = options.idleTimeout().toNanos();
        List<ExecutionEnvironment> stale = idle.stream().filter(e -> e.idleNanos() > limit || !e.alive()).toList();
        for (ExecutionEnvironment environment : stale) {
            idle.remove(environment);
            all.remove(environment);
            log.line(environment.id(), "reclaimed after being idle");
            environment.close();
        }
    }

    /** How many processes this function has now. */
    synchronized int environments() {
        return (int) all.stream().filter(ExecutionEnvironment::alive).count();
    }

    @Override
    public void close() {
        List<ExecutionEnvironment> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(all);
            all.clear();
            idle.clear();
            notifyAll();
        }
        toClose.parallelStream().forEach(ExecutionEnvironment::close);
        log.close();
    }
}
