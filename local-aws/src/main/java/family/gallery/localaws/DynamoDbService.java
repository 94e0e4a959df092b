package family.gallery.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;

import family.gallery.locallambda.LoopbackHost;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * DynamoDB Local in this JVM. Its own launcher binds every interface, so its request handler is
 * mounted on a Jetty connector bound to 127.0.0.1. Its background jobs run on ordinary threads that
 * outlive its shutdown (they sleep between runs), so every thread it creates is made in one thread
 * group, which is interrupted on close: nothing it leaves behind keeps the JVM alive.
 */
final class DynamoDbService implements AutoCloseable {

    private static final String NATIVE_LIBRARY = "native/libsqlite4java-linux-amd64.so";

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final ThreadGroup threads;

    private DynamoDbService(Server server, LocalDynamoDBServerHandler handler, ThreadGroup threads) {
        this.server = server;
        this.handler = handler;
        this.threads = threads;
    }

    /** @param dataDirectory where the tables are kept; empty keeps them in memory */
    static DynamoDbService start(int port, Optional<Path> dataDirectory) {
        useBundledSqlite();
        ThreadGroup group = new ThreadGroup("dynamodb-local");
        group.setDaemon(false);
        FutureTask<LocalDynamoDBServerHandler> creation = new FutureTask<>(() -> {
            if (dataDirectory.isPresent()) {
                Files.createDirectories(dataDirectory.get());
            }
            // One database for every access key and region, as a single account would see it.
            LocalDynamoDBRequestHandler requests = new LocalDynamoDBRequestHandler(0, dataDirectory.isEmpty(),
                    dataDirectory.map(Path::toString).orElse(null), true, false);
            return new LocalDynamoDBServerHandler(requests, null);
        });
        Thread creator = new Thread(group, creation, "dynamodb-local-start");
        creator.start();
        LocalDynamoDBServerHandler handler;
        try {
            handler = creation.get();
        } catch (ExecutionException e) {
            throw new LocalAwsException("DynamoDB Local cannot open its database: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalAwsException("interrupted while DynamoDB Local started", e);
        }
        QueuedThreadPool threads = new QueuedThreadPool(50, 4, 60_000, -1, null, group);
        threads.setName("dynamodb-local");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(Ports.HOST);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new LoopbackHostOnly(new ContextHandler(handler, "/")));
        try {
            server.start();
        } catch (Exception e) {
            handler.close();
            group.interrupt();
            throw Ports.busy("DynamoDB", port, e);
        }
        return new DynamoDbService(server, handler, group);
    }

    static void createTables(DynamoDbClient dynamoDb, Topology topology) {
        // Tables kept on disk from an earlier start are left as they are, TTL and all.
        Set<String> existing = new HashSet<>(dynamoDb.listTablesPaginator().tableNames().stream().toList());
        for (Topology.Table table : topology.tables()) {
            if (existing.contains(table.name())) {
                continue;
            }
            dynamoDb.createTable(request -> request.tableName(table.name())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(table.keySchema().stream().map(key -> KeySchemaElement.builder()
                            .attributeName(String.valueOf(key.get("AttributeName")))
                            .keyType(String.valueOf(key.get("KeyType"))).build()).toList())
                    .attributeDefinitions(table.attributeDefinitions().stream().map(attribute -> AttributeDefinition.builder()
                            .attributeName(String.valueOf(attribute.get("AttributeName")))
                            .attributeType(String.valueOf(attribute.get("AttributeType"))).build()).toList()));
            table.timeToLiveAttribute().ifPresent(attribute -> dynamoDb.updateTimeToLive(request -> request
                    .tableName(table.name())
                    .timeToLiveSpecification(specification -> specification.attributeName(attribute).enabled(true))));
        }
    }

    /**
     * Deletes the items whose TTL attribute (epoch seconds) has passed. DynamoDB does this within days;
     * DynamoDB Local never does.
     *
     * @return how many items were deleted
     */
    static int sweepExpiredItems(DynamoDbClient dynamoDb, Topology topology, Instant now) {
        int deleted = 0;
        for (Topology.Table table : topology.tables()) {
            if (table.timeToLiveAttribute().isEmpty()) {
                continue;
            }
            String attribute = table.timeToLiveAttribute().get();
            List<String> keyNames = table.keySchema().stream().map(key -> String.valueOf(key.get("AttributeName"))).toList();
            for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(request -> request.tableName(table.name())
                    .filterExpression("#ttl < :now")
                    .expressionAttributeNames(Map.of("#ttl", attribute))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))))
                    .items()) {
                Map<String, AttributeValue> key = new HashMap<>();
                keyNames.forEach(name -> key.put(name, item.get(name)));
                dynamoDb.deleteItem(request -> request.tableName(table.name()).key(key));
                deleted++;
            }
        }
        return deleted;
    }

    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            handler.close();
            threads.interrupt();
        }
    }

    /** sqlite4java loads its native library from a folder: the one shipped in this module's jar. */
    private static synchronized void useBundledSqlite() {
        if (System.getProperty("sqlite4java.library.path") != null) {
            return;
        }
        try (InputStream library = DynamoDbService.class.getResourceAsStream(NATIVE_LIBRARY)) {
            if (library == null) {
                throw new LocalAwsException("the native SQLite library " + NATIVE_LIBRARY + " is missing from the classpath");
            }
            Path folder = Files.createTempDirectory("local-aws-sqlite");
            Path file = folder.resolve(Path.of(NATIVE_LIBRARY).getFileName());
            Files.copy(library, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            System.setProperty("sqlite4java.library.path", folder.toString());
        } catch (IOException e) {
            throw new LocalAwsException("cannot unpack the native SQLite library: " + e.getMessage(), e);
        }
    }

    /** Refuses, before DynamoDB Local sees it, a request whose Host is not a loopback name. */
    private static final class LoopbackHostOnly extends Handler.Wrapper {

        LoopbackHostOnly(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (LoopbackHost.accepts(request.getHeaders().get(HttpHeader.HOST))) {
                return super.handle(request, response, callback);
            }
            Response.writeError(request, response, callback, LoopbackHost.MISDIRECTED, LoopbackHost.REFUSAL);
            return true;
        }
    }
}
