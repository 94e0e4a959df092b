package family.gallery.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import family.gallery.ingest.ObjectEvent;
import family.gallery.ingest.S3EventMessages;
import family.gallery.ingest.Sequencers;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** Start, restart and stop; the smaller services; what functions are given. */
class StackLifecycleTest {

    @Test
    void objectsAndTablesSurviveARestartOnTheSameDataDirectory(@TempDir Path data) {
        LocalAwsConfig config = LocalAwsConfig.forTests().withDataDirectory(data);
        String key = "albums/kept/photo 1.jpg";
        try (LocalAws first = LocalAws.start(config)) {
            first.s3().putObject(r -> r.bucket(first.bucketName("SourceBucket")).key(key), RequestBody.fromString("kept"));
            first.dynamoDb().putItem(r -> r.tableName(first.tableName("AccountsTable"))
                    .item(Map.of("pk", AttributeValue.fromS("VIEWER#ann"))));
        }
        try (LocalAws second = LocalAws.start(config)) {
            assertEquals("kept", second.s3().getObjectAsBytes(r -> r.bucket(second.bucketName("SourceBucket")).key(key)).asUtf8String());
            assertTrue(second.dynamoDb().getItem(r -> r.tableName(second.tableName("AccountsTable"))
                    .key(Map.of("pk", AttributeValue.fromS("VIEWER#ann")))).hasItem());
        }
    }

    @Test
    void aBusyPortIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            LocalAwsException error = assertThrows(LocalAwsException.class,
                    () -> LocalAws.start(LocalAwsConfig.forTests().withPorts(0, 0, port, 0)).close());
            assertTrue(error.getMessage().contains("127.0.0.1:" + port) && error.getMessage().contains("DynamoDB")
                    && error.getMessage().contains("already in use"), error.getMessage());
        }
    }

    @Test
    void closingLeavesNoThreadThatKeepsTheJvmAlive() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        LocalAws.start(LocalAwsConfig.forTests()).close();
        Set<Thread> left = Set.of();
        for (Instant deadline = Instant.now().plusSeconds(10); Instant.now().isBefore(deadline); Thread.sleep(100)) {
            left = nonDaemonThreads().stream().filter(thread -> !before.contains(thread)).collect(Collectors.toSet());
            if (left.isEmpty()) {
                return;
            }
        }
        throw new AssertionError("threads still alive: " + left.stream()
                .map(thread -> thread.getName() + " " + List.of(thread.getStackTrace())).toList());
    }

    @Test
    void servicesBehaveAsTheFunctionsExpect() throws Exception {
        try (LocalAws stack = LocalAws.start(LocalAwsConfig.forTests())) {
            assertTrue(QueueMessages.receiveAll(stack, stack.queueUrl("ResizeQueue")).isEmpty(),
                    "the filter policies keep S3's test event out of the queues, as on AWS");

            var invalidation = stack.cloudFront().createInvalidation(r -> r.distributionId("E2LOCAL")
                    .invalidationBatch(b -> b.callerReference("build-7").paths(p -> p.quantity(2).items("/index.html", "/albums/*"))));
            assertEquals("InProgress", invalidation.invalidation().status());
            assertEquals(List.of("/index.html", "/albums/*"), invalidation.invalidation().invalidationBatch().paths().items());
            CloudFrontRecorder.Invalidation recorded = stack.invalidations().get(0);
            assertEquals("E2LOCAL", recorded.distributionId());
            assertEquals("build-7", recorded.callerReference());
            assertEquals(List.of("/index.html", "/albums/*"), recorded.paths());
            assertEquals("Completed", stack.cloudFront().getInvalidation(r -> r.distributionId("E2LOCAL")
                    .id(invalidation.invalidation().id())).invalidation().status());

            String table = stack.tableName("AccountsTable");
            long now = Instant.now().getEpochSecond();
            stack.dynamoDb().putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("THROTTLE#old"),
                    "expiresAt", AttributeValue.fromN(Long.toString(now - 10)))));
            stack.dynamoDb().putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("THROTTLE#new"),
                    "expiresAt", AttributeValue.fromN(Long.toString(now + 3600)))));
            assertEquals(1, stack.sweepExpiredItemsNow());
            assertEquals(List.of("THROTTLE#new"), stack.dynamoDb().scan(r -> r.tableName(table)).items().stream()
                    .map(item -> item.get("pk").s()).toList());
        }
    }

    @Test
    void copiesAndMultipartUploadsAreNamedAsS3NamesThemAndSequencersGrow() {
        try (LocalAws stack = LocalAws.start(LocalAwsConfig.forTests())) {
            String bucket = stack.bucketName("SourceBucket");
            String key = "albums/a/photo.jpg";
            stack.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("one"));
            stack.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("two"));
            stack.s3().copyObject(r -> r.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey("albums/b/copy.jpg"));
            String upload = stack.s3().createMultipartUpload(r -> r.bucket(bucket).key("albums/a/big.jpg")).uploadId();
            String eTag = stack.s3().uploadPart(r -> r.bucket(bucket).key("albums/a/big.jpg").uploadId(upload).partNumber(1),
                    RequestBody.fromString("only part")).eTag();
            stack.s3().completeMultipartUpload(r -> r.bucket(bucket).key("albums/a/big.jpg").uploadId(upload)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));

            List<ObjectEvent> events = QueueMessages.receiveAll(stack, stack.queueUrl("ResizeQueue")).stream()
                    .flatMap(body -> S3EventMessages.parse(body).stream()).toList();
            assertEquals(List.of("ObjectCreated:Put", "ObjectCreated:Put", "ObjectCreated:Copy", "ObjectCreated:CompleteMultipartUpload"),
                    events.stream().map(ObjectEvent::eventName).toList());
            assertTrue(Sequencers.compare(events.get(0).sequencer(), events.get(1).sequencer()) < 0, "sequencer grows per key");
            assertEquals(List.of(key, key, "albums/b/copy.jpg", "albums/a/big.jpg"), events.stream().map(ObjectEvent::key).toList());
        }
    }

    @Test
    void functionsGetTheirTemplateEnvironmentAndEndpointsTheSdkHonours(@TempDir Path scratch) throws Exception {
        try (LocalAws stack = LocalAws.start(LocalAwsConfig.forTests())) {
            Map<String, String> environment = stack.functionEnvironment("ResizeFunction");
            assertEquals(stack.bucketName("SourceBucket"), environment.get("SOURCE_BUCKET"));
            assertEquals(stack.queueUrl("RebuildQueue"), environment.get("REBUILD_QUEUE_URL"));
            assertEquals(stack.tableName("CatalogTable"), environment.get("CATALOG_TABLE"));
            assertEquals(stack.s3Endpoint().toString(), environment.get("AWS_ENDPOINT_URL_S3"));
            assertTrue(stack.sqsEventSources().stream().anyMatch(mapping -> mapping.queueArn()
                    .equals(stack.topology().queue("ResizeQueue").arn())), "the resize function reads the resize queue");
            assertTrue(stack.runningFunctions().isEmpty(), "tests run no functions unless they ask");

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String printed = Processes.run(List.of(java, "-cp", System.getProperty("java.class.path"),
                    EnvironmentProbe.class.getName()), stack.endpointEnvironment(), Duration.ofMinutes(1));
            assertTrue(printed.contains("bucket " + stack.bucketName("SourceBucket")), printed);
            assertTrue(printed.contains("queue " + stack.queueUrl("ResizeQueue")), printed);
            assertTrue(printed.contains("table " + stack.tableName("CatalogTable")), printed);

            // Debian's AWS CLI (2.9) predates AWS_ENDPOINT_URL_<SERVICE>: it needs --endpoint-url.
            String cli = Processes.aws(stack, scratch, List.of("sqs", "list-queues", "--endpoint-url", stack.sqsEndpoint().toString()));
            assertTrue(cli.contains(stack.queueUrl("RebuildDeadLetterQueue")), cli);
        }
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> !thread.isDaemon() && thread.isAlive())
                .collect(Collectors.toSet());
    }
}
