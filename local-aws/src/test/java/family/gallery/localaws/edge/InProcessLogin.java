package family.gallery.localaws.edge;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.localaws.LocalAws;
import family.gallery.login.AlbumZipRequests;
import family.gallery.login.CredentialCheck;
import family.gallery.login.GuestEntry;
import family.gallery.login.KnownDevices;
import family.gallery.login.LoginAssets;
import family.gallery.login.LoginHandler;
import family.gallery.login.LoginPage;
import family.gallery.login.LoginService;
import family.gallery.login.LoginThrottle;
import family.gallery.login.SessionRenewal;
import family.gallery.login.Sessions;
import family.gallery.login.SignedCookies;
import family.gallery.login.SigningKeySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The login function's handler, wired as the function wires it, answering function URL events as
 * JSON in this JVM; it keeps the events it was given.
 */
final class InProcessLogin implements FunctionUrlOrigin {

    /** How long the login function's cookie sets open their prefix. */
    static final Duration COOKIES_LAST = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    private final LoginHandler handler;
    private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());

    InProcessLogin(LocalAws stack, String accountsTable, LocalSigningKey key, Clock clock) {
        DynamoDbClient dynamo = stack.dynamoDb();
        Map<String, String> environment = stack.functionEnvironment("LoginFunction");
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
        LoginThrottle throttle = new LoginThrottle(dynamo, accountsTable, LoginThrottle.Limits.standard(), clock);
        ViewerAccounts viewers = new ViewerAccounts(dynamo, accountsTable, clock);
        ShareLinks links = new ShareLinks(dynamo, accountsTable, clock);
        SignedCookies cookies = new SignedCookies(signingKey, clock);
        Sessions sessions = new Sessions(signingKey, clock);
        LoginService logins = new LoginService(throttle, new CredentialCheck(viewers, new PasswordHasher()), cookies,
                new KnownDevices(signingKey, clock), sessions, Duration.ofDays(7), clock, line -> { });
        SessionRenewal renewal = new SessionRenewal(sessions, cookies, viewers, links, clock);
        handler = new LoginHandler(logins, renewal,
                new GuestEntry(links, throttle, cookies, sessions, line -> { }), new LoginPage("Family Gallery"), new LoginAssets(),
                new AlbumZipRequests(renewal, stack.s3(), environment.get("WEB_BUCKET"), environment.get("ZIP_BUCKET"),
                        stack.sqs(), environment.get("ZIP_QUEUE_URL"), clock));
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
