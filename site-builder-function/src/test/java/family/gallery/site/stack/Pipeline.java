package family.gallery.site.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoDetails;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.Rendition;
import family.gallery.catalog.TakenAt;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.Routing;
import family.gallery.ingest.S3EventMessages;
import family.gallery.localaws.LocalAws;
import family.gallery.site.SiteBuilderHandler;

/**
 * The gallery's pipeline on the local stack around the site builder: uploads go to the source
 * bucket, whose events reach the resize and rebuild queues as in AWS; a stand-in resizer takes photo
 * events off the resize queue, records them in the catalog and sends the catalog-changed notice;
 * pollers hand rebuild-queue batches to the real handler as Lambda's event source mapping does
 * (partial batch failures stay on the queue), with the template's maximum concurrency of two.
 */
public final class Pipeline implements AutoCloseable {

    private final LocalAws stack = LocalStackResource.stack();
    private final SiteBuilderHandler handler;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger handling = new AtomicInteger();
    private final AtomicInteger mostHandlingAtOnce = new AtomicInteger();
    private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private final PhotoCatalog catalog;

    public Pipeline(SiteBuilderHandler handler) {
        this.handler = handler;
        this.catalog = new PhotoCatalog(stack.dynamoDb(), stack.tableName("CatalogTable"));
        start("resizer", this::resizeOnce);
        start("site-builder-1", this::buildOnce);
        start("site-builder-2", this::buildOnce);
    }

    public String sourceBucket() {
        return stack.bucketName("SourceBucket");
    }

    public String webBucket() {
        return stack.bucketName("WebBucket");
    }

    public void upload(String key, String text) {
        LocalStackResource.s3().putObject(r -> r.bucket(sourceBucket()).key(key), RequestBody.fromString(text));
    }

    public void delete(String key) {
        LocalStackResource.s3().deleteObject(r -> r.bucket(sourceBucket()).key(key));
    }

    /** The published object, if any. */
    public Optional<String> published(String key) {
        try {
            return Optional.of(LocalStackResource.s3().getObjectAsBytes(r -> r.bucket(webBucket()).key(key)).asString(StandardCharsets.UTF_8));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public Set<String> publishedKeys() {
        Set<String> keys = new HashSet<>();
        LocalStackResource.s3().listObjectsV2Paginator(r -> r.bucket(webBucket())).contents().forEach(o -> keys.add(o.key()));
        return keys;
    }

    /** The most rebuild batches the handler ever held at once. */
    public int mostHandlingAtOnce() {
        return mostHandlingAtOnce.get();
    }

    public List<Throwable> errors() {
        return List.copyOf(errors);
    }

    private void start(String name, Runnable step) {
        Thread thread = new Thread(() -> {
            while (running.get()) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    if (running.get()) {
                        errors.add(e);
                    }
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private void resizeOnce() {
        String queue = stack.queueUrl("ResizeQueue");
        for (Message message : receive(queue)) {
            boolean changed = false;
            for (ObjectEvent event : S3EventMessages.parse(message.body())) {
                if (event.mediaKey().kind() == MediaKey.Kind.PHOTO) {
                    PhotoEntry entry = entryFor(event);
                    // As the resize function does: the renditions exist before the catalog names them.
                    entry.renditions().forEach(rendition -> LocalStackResource.s3().putObject(r -> r.bucket(stack.bucketName("ResizedBucket"))
                            .key(rendition.key()).contentType("image/jpeg"), RequestBody.fromString("rendition")));
                    changed |= catalog.record(entry).changedSite();
                }
            }
            if (changed) {
                stack.sqs().sendMessage(r -> r.queueUrl(stack.queueUrl("RebuildQueue")).messageBody(Routing.CATALOG_CHANGED));
            }
            stack.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
        }
    }

    private static PhotoEntry entryFor(ObjectEvent event) {
        PhotoId id = PhotoId.of(event.mediaKey());
        Instant now = Instant.now();
        if (event.type() == ObjectEvent.Type.REMOVED) {
            return PhotoEntry.tombstone(id, event.sequencer(), now);
        }
        String digest = Integer.toHexString(event.key().hashCode()) + event.eTag().orElse("");
        List<Rendition> renditions = List.of(new Rendition("media/" + digest + "/400x300.jpg", 400, 300, 1000),
                new Rendition("media/" + digest + "/1600x1200.jpg", 1600, 1200, 9000));
        return PhotoEntry.ready(id, event.sequencer(), event.eTag().orElse("etag"), 4000, 3000,
                TakenAt.uploaded(now), PhotoDetails.camera("Test camera"), renditions, now);
    }

    private void buildOnce() {
        String queue = stack.queueUrl("RebuildQueue");
        List<Message> messages = receive(queue);
        if (messages.isEmpty()) {
            return;
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(message -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setBody(message.body());
            return record;
        }).toList());
        int now = handling.incrementAndGet();
        mostHandlingAtOnce.accumulateAndGet(now, Math::max);
        SQSBatchResponse response;
        try {
            response = handler.handleRequest(event, null);
        } finally {
            handling.decrementAndGet();
        }
        Set<String> failed = new HashSet<>();
        response.getBatchItemFailures().forEach(failure -> failed.add(failure.getItemIdentifier()));
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                stack.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private List<Message> receive(String queue) {
        return stack.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)
                .visibilityTimeout(60)).messages();
    }

    /** Waits until the condition holds, or fails after the timeout. */
    public static void await(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    public Map<String, String> functionEnvironment() {
        return stack.functionEnvironment("SiteBuilderFunction");
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(5000);
        }
    }
}
