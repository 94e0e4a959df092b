package family.gallery.site.concurrent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed number of threads for blocking AWS requests, which spend their time waiting on the network
 * rather than on the CPU. Requests run in groups: a group is complete, or has failed at its first
 * error, before the caller goes on.
 */
public final class ParallelRequests implements AutoCloseable {

    private final ExecutorService threads;

    public ParallelRequests(int threads, String name) {
        this.threads = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return each request's answer, in the order given; the first failure cancels the rest and is rethrown */
    public <T> List<T> all(Collection<Callable<T>> requests) {
        List<Future<T>> pending = new ArrayList<>();
        for (Callable<T> request : requests) {
            pending.add(start(request));
        }
        return answers(pending);
    }

    /** Starts one request, for callers that learn of their requests one at a time; see {@link #answers}. */
    public <T> Future<T> start(Callable<T> request) {
        return threads.submit(request);
    }

    /** @return each started request's answer, in the order given; the first failure cancels the rest and is rethrown */
    public static <T> List<T> answers(List<Future<T>> pending) {
        List<T> answers = new ArrayList<>(pending.size());
        for (Future<T> answer : pending) {
            try {
                answers.add(answer.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for AWS", e);
            } catch (ExecutionException e) {
                pending.forEach(other -> other.cancel(false));
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
        return answers;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
