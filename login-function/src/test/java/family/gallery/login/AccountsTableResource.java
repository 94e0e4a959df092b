package family.gallery.login;

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
        return Map.of(
                "quarkus.dynamodb.endpoint-override", table.endpoint().toString(),
                "quarkus.dynamodb.aws.region", "eu-west-1",
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local",
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local",
                "gallery.accounts-table", table.name(),
                "gallery.signing.key-parameter", "/test/signing-key",
                "gallery.signing.key-pair-id", TestKeys.KEY_PAIR_ID);
    }

    @Override
    public void stop() {
        table.close();
    }
}
