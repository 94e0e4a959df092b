package family.gallery.accounts;

import java.lang.reflect.Field;
import java.net.URI;
import java.util.UUID;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local (in memory, on 127.0.0.1 and a free port) with a fresh accounts table shaped like
 * {@code AccountsTable} in template.yaml: a string hash key {@code pk}.
 */
public final class LocalAccountsTable implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;
    private final String name = "accounts-" + UUID.randomUUID();

    public LocalAccountsTable() {
        try {
            // Built by hand rather than by ServerRunner, whose telemetry needs SDK clients we leave out.
            server = new DynamoDBProxyServer(8000, new LocalDynamoDBServerHandler(
                    new LocalDynamoDBRequestHandler(0, true, null, false, false), null));
            // DynamoDB Local listens on every interface and offers no option for it: bind loopback
            // only, on a free port.
            Field jetty = DynamoDBProxyServer.class.getDeclaredField("server");
            jetty.setAccessible(true);
            ServerConnector connector = (ServerConnector) ((Server) jetty.get(server)).getConnectors()[0];
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.start();
            endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
        client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        client.createTable(create -> create.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(ViewerAccounts.KEY).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(ViewerAccounts.KEY).keyType(KeyType.HASH).build()));
    }

    public DynamoDbClient client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }
}
