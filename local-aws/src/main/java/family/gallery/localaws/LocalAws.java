package family.gallery.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import family.gallery.locallambda.FunctionDefinition;
import family.gallery.locallambda.InvocationResult;
import family.gallery.locallambda.LocalLambda;
import family.gallery.locallambda.LocalLambdaOptions;
import family.gallery.locallambda.sqs.SqsEventSourceMapping;
import family.gallery.locallambda.sqs.AwaitingRetry;
import family.gallery.locallambda.sqs.SqsEventSources;
import family.gallery.locallambda.template.LambdaTopology;
import family.gallery.template.StackIdentity;
import family.gallery.template.StackTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local AWS stack, started: S3 (S3Proxy), SQS (ElasticMQ), DynamoDB (DynamoDB Local), the SNS
 * fan-out and S3 event notifications, and the CloudFront API recorder, all on 127.0.0.1 in this JVM,
 * with the buckets, queues, tables, topics and subscriptions of {@code template.yaml}; on request
 * also the template's functions, each in its own process, fed by their SQS event sources. Closing
 * it stops everything it started.
 */
public final class LocalAws implements AutoCloseable {

    /** Between two TTL sweeps the local DynamoDB is left alone at least this many times as long as a sweep took. */
    private static final long SWEEP_IDLE_FACTOR = 20;

    private static final Logger LOG = Logger.getLogger(LocalAws.class.getName());
    private static final int PORT_ATTEMPTS = 3;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Topology topology;
    private final URI s3Endpoint;
    private final URI sqsEndpoint;
    private final URI dynamoDbEndpoint;
    private final URI cloudFrontEndpoint;
    private final Path temporaryDirectory;
    private final LocalCredentials credentials;
    private S3Client s3;
    private SqsClient sqs;
    private DynamoDbClient dynamoDb;
    private CloudFrontClient cloudFront;
    private CloudFrontRecorder cloudFrontRecorder;
    private final Path templateFile;
    private volatile List<String> functionNames = List.of();
    private LocalLambda functions;
    private SqsEventSources eventSources;
    private Optional<Path> dataDirectory = Optional.empty();

    private LocalAws(Topology topology, int s3Port, int sqsPort, int dynamoDbPort, int cloudFrontPort,
            Path temporaryDirectory, Path templateFile, LocalCredentials credentials) {
        this.topology = topology;
        this.credentials = credentials;
        this.templateFile = templateFile;
        this.s3Endpoint = endpoint(s3Port);
        this.sqsEndpoint = endpoint(sqsPort);
        this.dynamoDbEndpoint = endpoint(dynamoDbPort);
        this.cloudFrontEndpoint = endpoint(cloudFrontPort);
        this.temporaryDirectory = temporaryDirectory;
    }

    public static LocalAws start(LocalAwsConfig config) {
        List<Integer> requestedPorts = List.of(config.s3Port(), config.sqsPort(), config.dynamoDbPort(), config.cloudFrontPort());
        for (int attempt = 1;; attempt++) {
            try {
                return startOnce(config);
            } catch (Ports.PortInUseException e) {
                // A free port found for a service can be taken by another process (an outgoing
                // connection's ephemeral port, say) before the service binds it: find others.
                if (requestedPorts.contains(e.port()) || attempt == PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static LocalAws startOnce(LocalAwsConfig config) {
        int s3Port = Ports.reserve("S3", config.s3Port());
        int sqsPort = Ports.reserve("SQS", config.sqsPort());
        int dynamoDbPort = Ports.reserve("DynamoDB", config.dynamoDbPort());
        int cloudFrontPort = Ports.reserve("CloudFront", config.cloudFrontPort());
        StackIdentity identity = StackIdentity.local(config.stackName(), config.region());
        Topology topology = Topology.read(StackTemplate.load(config.template()), identity, config.parameterOverrides(),
                endpoint(sqsPort).toString());
        Path temporary = null;
        if (config.dataDirectory().isEmpty()) {
            try {
                temporary = Files.createTempDirectory("local-aws-s3");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        LocalCredentials credentials = config.dataDirectory().map(LocalCredentials::keptIn).orElseGet(LocalCredentials::random);
        LocalAws stack = new LocalAws(topology, s3Port, sqsPort, dynamoDbPort, cloudFrontPort, temporary, config.template(),
                credentials);
        try {
            stack.startServices(config, s3Port, sqsPort, dynamoDbPort, cloudFrontPort);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startServices(LocalAwsConfig config, int s3Port, int sqsPort, int dynamoDbPort, int cloudFrontPort) {
        dataDirectory = config.dataDirectory();
        if (temporaryDirectory != null) {
            started.push(() -> deleteRecursively(temporaryDirectory));
        }
        Path data = config.dataDirectory().orElse(temporaryDirectory);
        // The emulators start side by side (most of their start-up is class loading); the clients
        // are built meanwhile.
        ExecutorService starter = Executors.newFixedThreadPool(4);
        Future<SqsService> sqsService = starter.submit(
                () -> SqsService.start(sqsPort, topology.identity().region(), topology.identity().accountId()));
        Future<S3Service> s3Service = starter.submit(() -> S3Service.start(data.resolve("s3"), s3Port, credentials));
        Future<DynamoDbService> dynamoDbService = starter.submit(() -> DynamoDbService.start(dynamoDbPort,
                config.dataDirectory().map(directory -> directory.resolve("dynamodb"))));
        // The functions' packages unpack meanwhile too: their environment needs only the ports.
        Future<LocalLambda> lambda = config.runFunctions() ? starter.submit(() -> deployFunctions(data.resolve("lambda"), config))
                : CompletableFuture.completedFuture(null);
        starter.shutdown();
        RuntimeException failure = null;
        try {
            cloudFrontRecorder = CloudFrontRecorder.start(cloudFrontPort);
            started.push(cloudFrontRecorder);
            // Apache's client for S3, as the functions use it: the JDK's URL connection client now and
            // then sends a PUT on a pooled connection S3Proxy has closed and meets the end of the stream.
            s3 = S3Client.builder().applyMutation(this::configure).httpClientBuilder(ApacheHttpClient.builder())
                    .endpointOverride(s3Endpoint).forcePathStyle(true).build();
            sqs = SqsClient.builder().applyMutation(this::configure).endpointOverride(sqsEndpoint).build();
            dynamoDb = DynamoDbClient.builder().applyMutation(this::configure).endpointOverride(dynamoDbEndpoint).build();
            cloudFront = CloudFrontClient.builder().applyMutation(this::configure).region(Region.AWS_GLOBAL)
                    .endpointOverride(cloudFrontEndpoint).build();
            started.push(s3);
            started.push(sqs);
            started.push(dynamoDb);
            started.push(cloudFront);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<? extends AutoCloseable> service : List.of(sqsService, s3Service, dynamoDbService, lambda)) {
            try {
                AutoCloseable running = service.get();
                if (running != null) {
                    started.push(running);
                }
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException runtime ? runtime
                        : new LocalAwsException("a service did not start: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new LocalAwsException("interrupted while starting", e);
            }
        }
        if (failure != null) {
            throw failure;
        }

        SqsService.createQueues(sqs, topology);
        DynamoDbService.createTables(dynamoDb, topology);
        S3Service s3Store = join(s3Service);
        topology.buckets().forEach(bucket -> s3Store.createBucket(bucket.name()));
        S3EventNotifier notifier = new S3EventNotifier(topology, new SnsFanOut(topology, sqs), sqs);
        s3Store.notifyTo(notifier);
        notifier.sendTestEvents();

        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-aws-ttl-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.ttlSweepInterval().toMillis();
        sweeper.schedule(() -> sweepExpiredItems(sweeper, interval), interval, TimeUnit.MILLISECONDS);
        started.push(sweeper::shutdownNow);

        if (config.runFunctions()) {
            functions = join(lambda);
            eventSources = SqsEventSources.start(functions, sqs, lambdaTopology().sqsMappings().stream()
                    .filter(mapping -> functionNames.contains(mapping.functionName())).toList());
            started.push(eventSources);
        }
    }

    /**
     * Deploys each function whose function.zip has been built, with the template's environment plus
     * this stack's endpoints. A function not built yet is reported and left out.
     */
    private LocalLambda deployFunctions(Path workDirectory, LocalAwsConfig config) {
        List<FunctionDefinition> built = new ArrayList<>();
        for (FunctionDefinition function : lambdaTopology().functions()) {
            if (Files.isRegularFile(function.codeZip())) {
                built.add(function);
            } else {
                LOG.warning(() -> function.name() + " does not run: " + function.codeZip() + " is not built yet");
            }
        }
        functionNames = built.stream().map(FunctionDefinition::name).toList();
        Map<String, String> environment = endpointEnvironment();
        environment.putAll(config.extraFunctionEnvironment());
        return LocalLambda.start(new LocalLambdaOptions(workDirectory, region(), topology.identity().accountId(),
                environment, 10, Duration.ofSeconds(60), Duration.ofMinutes(5), config.echoFunctionOutput()), built);
    }

    private LambdaTopology lambdaTopology() {
        return LambdaTopology.read(topology.template(), templateFile.toAbsolutePath().getParent(), topology.resolver());
    }

    /** A service that has started (checked just before). */
    private static <T> T join(Future<T> started) {
        try {
            return started.get();
        } catch (ExecutionException | InterruptedException e) {
            throw new IllegalStateException("checked as started", e);
        }
    }

    private void configure(software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?> builder) {
        builder.region(Region.of(topology.identity().region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())));
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
    }

    /**
     * Sweeps, then sweeps again after the interval or {@link #SWEEP_IDLE_FACTOR} times as long as this
     * sweep took, whichever is longer: a sweep scans every table, which the local DynamoDB pages ever
     * slower as a table grows. At a lifetime's catalog one sweep takes most of a minute, and sweeps
     * back to back would hold up every other request to it.
     */
    private void sweepExpiredItems(ScheduledExecutorService sweeper, long intervalMillis) {
        long started = System.nanoTime();
        try {
            DynamoDbService.sweepExpiredItems(dynamoDb, topology, Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "expired item sweep failed", e);
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        if (!sweeper.isShutdown()) {
            sweeper.schedule(() -> sweepExpiredItems(sweeper, intervalMillis),
                    Math.max(intervalMillis, SWEEP_IDLE_FACTOR * tookMillis), TimeUnit.MILLISECONDS);
        }
    }

    /** Deletes the items whose TTL has passed now, rather than at the next sweep. */
    public int sweepExpiredItemsNow() {
        return DynamoDbService.sweepExpiredItems(dynamoDb, topology, Instant.now());
    }

    public Topology topology() {
        return topology;
    }

    /** The access key S3 accepts, kept in the data folder (a new one for a stack that keeps nothing). */
    public LocalCredentials credentials() {
        return credentials;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI cloudFrontEndpoint() {
        return cloudFrontEndpoint;
    }

    public String region() {
        return topology.identity().region();
    }

    /** The bucket's physical name, by its logical id in the template. */
    public String bucketName(String logicalId) {
        return topology.bucket(logicalId).name();
    }

    public String queueUrl(String logicalId) {
        return topology.queue(logicalId).url();
    }

    public String tableName(String logicalId) {
        return topology.table(logicalId).name();
    }

    /** A path-style S3 client for this stack. */
    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public CloudFrontClient cloudFront() {
        return cloudFront;
    }

    /** Every CreateInvalidation call received so far. */
    public List<CloudFrontRecorder.Invalidation> invalidations() {
        return cloudFrontRecorder.invalidations();
    }

    /**
     * The environment that points an AWS SDK (v2, or the AWS CLI) at this stack: service endpoints
     * through {@code AWS_ENDPOINT_URL_<SERVICE>}, path-style S3, region and credentials.
     */
    public Map<String, String> endpointEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        environment.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint.toString());
        environment.put("AWS_ENDPOINT_URL_CLOUDFRONT", cloudFrontEndpoint.toString());
        environment.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
        environment.put("AWS_REGION", region());
        environment.put("AWS_DEFAULT_REGION", region());
        environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        return environment;
    }

    /** A function's environment as the template gives it, plus the endpoints of this stack. */
    public Map<String, String> functionEnvironment(String logicalId) {
        String name = topology.resolver().resolveString(Map.of("Ref", logicalId), logicalId);
        FunctionDefinition function = lambdaTopology().functions().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new LocalAwsException("template.yaml has no function " + logicalId));
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        environment.putAll(endpointEnvironment());
        return environment;
    }

    /** The SQS event source mappings of the template's functions, with their queues' ARNs. */
    public List<SqsEventSourceMapping> sqsEventSources() {
        return lambdaTopology().sqsMappings();
    }

    /** Messages whose invocation failed, waiting in their queues for a retry (none unless functions run). */
    public List<AwaitingRetry> awaitingRetry() {
        return eventSources == null ? List.of() : eventSources.awaitingRetry();
    }

    /** Where the stack keeps its data across restarts; empty when it keeps nothing. */
    public Optional<Path> dataDirectory() {
        return dataDirectory;
    }

    /** The functions that run (empty unless the configuration asks for them). */
    public List<String> runningFunctions() {
        return functionNames;
    }

    /** Whether the function of that logical id runs (it does once built, when the stack runs functions). */
    public boolean runs(String logicalId) {
        return functions != null && functionNames.contains(functionName(logicalId));
    }

    private String functionName(String logicalId) {
        return topology.resolver().resolveString(Map.of("Ref", logicalId), logicalId);
    }

    /**
     * Invokes a running function as Lambda's Invoke API does.
     *
     * @throws LocalAwsException when the stack runs no function of that logical id
     */
    public InvocationResult invoke(String logicalId, String payloadJson) {
        if (!runs(logicalId)) {
            throw new LocalAwsException(logicalId + " is not running (is it built? does the stack run functions?)");
        }
        return functions.invoke(functionName(logicalId), payloadJson);
    }

    /** The folder with one log file per running function, if functions run. */
    public Optional<Path> functionLogDirectory() {
        return functions == null || functionNames.isEmpty() ? Optional.empty()
                : Optional.of(functions.logFile(functionNames.get(0)).getParent());
    }

    /** Endpoints and names, as LocalAwsMain prints them. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("S3          ").append(s3Endpoint).append('\n');
        text.append("SQS         ").append(sqsEndpoint).append('\n');
        text.append("DynamoDB    ").append(dynamoDbEndpoint).append('\n');
        text.append("CloudFront  ").append(cloudFrontEndpoint).append('\n');
        topology.buckets().forEach(b -> text.append("bucket      ").append(b.logicalId()).append(" = ").append(b.name()).append('\n'));
        topology.queues().forEach(q -> text.append("queue       ").append(q.logicalId()).append(" = ").append(q.url()).append('\n'));
        topology.tables().forEach(t -> text.append("table       ").append(t.logicalId()).append(" = ").append(t.name()).append('\n'));
        topology.topics().forEach(t -> text.append("topic       ").append(t.logicalId()).append(" = ").append(t.arn()).append('\n'));
        functionNames.forEach(f -> text.append("function    ").append(f).append('\n'));
        return text.toString();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "stopping " + resource + " failed", e);
            }
        }
    }

    private static URI endpoint(int port) {
        return URI.create("http://" + Ports.HOST + ":" + port);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
