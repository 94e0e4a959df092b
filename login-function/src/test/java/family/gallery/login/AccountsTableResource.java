package family.gallery.login;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import family.gallery.accounts.LocalAccountsTable;
import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** DynamoDB Local with an accounts table holding the viewer "ann", for the function under test. */
public class AccountsTableResource implements QuarkusTestResourceLifecycleManager {

    static final String ANN_PASSWORD = "correct horse battery";
    private LocalAccountsTable table;

    @Override
    public Map<String, String> start() {
        table = new LocalAccountsTable();
        new ViewerAccounts(table.client(), table.name(), java.time.Clock.systemUTC())
                .add(ViewerName.of("ann"), new PasswordHasher().hash(ANN_PASSWORD.toCharArray()));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.dynamodb.endpoint-override", table.endpoint().toString());
        config.put("gallery.accounts-table", table.name());
        config.put("gallery.signing.key-parameter", "/test/signing-key");
        config.put("gallery.signing.key-pair-id", TestKeys.KEY_PAIR_ID);
        // Album ZIP requests are not made here (the end-to-end test makes them); the clients need a region all the same.
        config.put("gallery.web-bucket", "web");
        config.put("gallery.zip-bucket", "zips");
        config.put("gallery.zip-queue-url", "http://127.0.0.1:9/queue/zips.fifo");
        for (String service : List.of("dynamodb", "s3", "sqs")) {
            config.put("quarkus." + service + ".aws.region", "eu-west-1");
            config.put("quarkus." + service + ".aws.credentials.type", "static");
            config.put("quarkus." + service + ".aws.credentials.static-provider.access-key-id", "local");
            config.put("quarkus." + service + ".aws.credentials.static-provider.secret-access-key", "local");
        }
        return config;
    }

    @Override
    public void stop() {
        table.close();
    }
}
