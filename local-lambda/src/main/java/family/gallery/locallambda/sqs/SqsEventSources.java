package family.gallery.locallambda.sqs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import family.gallery.locallambda.LocalLambda;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS event source mappings of a local Lambda, polling through the given client (pointed at the
 * local SQS). Close these before the {@link LocalLambda} and before the client.
 */
public final class SqsEventSources implements AutoCloseable {

    private final List<SqsPoller> pollers = new ArrayList<>();

    private SqsEventSources() {
    }

    /**
     * Starts polling for every enabled mapping.
     *
     * @throws IllegalArgumentException when a mapping names an unknown function, or its queue's
     *         visibility timeout is shorter than the function's timeout (as Lambda refuses it)
     * @throws software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException when a queue is missing
     */
    public static SqsEventSources start(LocalLambda lambda, SqsClient sqs, Collection<SqsEventSourceMapping> mappings) {
        SqsEventSources sources = new SqsEventSources();
        try {
            for (SqsEventSourceMapping mapping : mappings) {
                if (mapping.enabled()) {
                    lambda.function(mapping.functionName());
                    sources.pollers.add(new SqsPoller(mapping, lambda, sqs));
                }
            }
        } catch (RuntimeException e) {
            sources.close();
            throw e;
        }
        return sources;
    }

    /** The messages that failed an invocation and wait out their visibility timeout, every queue's. */
    public List<AwaitingRetry> awaitingRetry() {
        return pollers.stream().flatMap(poller -> poller.awaitingRetry().stream()).toList();
    }

    /** Stops polling and waits for the batches under way, so no message is left half handled. */
    @Override
    public void close() {
        pollers.parallelStream().forEach(SqsPoller::close);
        pollers.clear();
    }
}
