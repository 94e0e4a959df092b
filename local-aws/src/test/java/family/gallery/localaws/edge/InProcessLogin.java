package family.gallery.localaws.edge;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.login.CredentialCheck;
import family.gallery.login.KnownDevices;
import family.gallery.login.LoginAssets;
import family.gallery.login.LoginHandler;
import family.gallery.login.LoginPage;
import family.gallery.login.LoginService;
import family.gallery.login.LoginThrottle;
import family.gallery.login.SignedCookies;
import family.gallery.login.SigningKeySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The login function's handler, wired as the function wires it, answering function URL events as
 * JSON in this JVM; it keeps the events it was given.
 */
final class InProcessLogin implements FunctionUrlOrigin {

    static final Duration SESSION = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    private final LoginHandler handler;
    private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());

    InProcessLogin(DynamoDbClient dynamo, String accountsTable, LocalSigningKey key, Clock clock) {
        SigningKeySource signingKey = new SigningKeySource() {
            @Override
            public PrivateKey privateKey() {
                return key.privateKey();
            }

            @Override
            public String keyPairId() {
                return key.keyPairId();
            }
        };
        LoginService logins = new LoginService(new LoginThrottle(dynamo, accountsTable, LoginThrottle.Limits.standard(), clock),
                new CredentialCheck(new ViewerAccounts(dynamo, accountsTable, clock), new PasswordHasher()),
                new SignedCookies(signingKey, SESSION, clock), new KnownDevices(signingKey, clock), line -> { });
        handler = new LoginHandler(logins, new LoginPage("Family Gallery"), new LoginAssets());
    }

    @Override
    public String invoke(String eventJson) {
        try {
            events.add(JSON.readTree(eventJson));
            APIGatewayV2HTTPEvent event = JSON.readValue(eventJson, APIGatewayV2HTTPEvent.class);
            return JSON.writeValueAsString(handler.handleRequest(event, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode lastEvent() {
        return events.get(events.size() - 1);
    }

    JsonNode event(int index) {
        return events.get(index);
    }

    int eventCount() {
        return events.size();
    }
}
