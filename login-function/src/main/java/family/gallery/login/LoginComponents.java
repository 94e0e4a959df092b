package family.gallery.login;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.ViewerAccounts;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wires the plain login classes from the function's configuration. */
@ApplicationScoped
public class LoginComponents {

    private static final Logger LOG = Logger.getLogger(LoginService.class);
    /** Lambda's AWS_LAMBDA_INITIALIZATION_TYPE values whose start-up no visitor waits for. */
    private static final Set<String> PRIMED_INITIALIZATIONS = Set.of("snap-start", "provisioned-concurrency");

    /**
     * Under SnapStart (and provisioned concurrency) does while the function starts what the first
     * sign-in would otherwise wait for: the login service with its dummy bcrypt hash, the signing key
     * from SSM, and a first read of the accounts table, which loads the SDK's request path. That work
     * then lands in the snapshot, so no visitor waits for it. An on-demand cold start skips it: there
     * it would only make the start-up longer by more than the first request saves. A failure is
     * logged and left to the first request, which does the same work.
     */
    void prime(@Observes StartupEvent started, LoginService login, SigningKeySource signingKey, DynamoDbClient dynamo,
            @ConfigProperty(name = "gallery.accounts-table") String table) {
        if (!PRIMED_INITIALIZATIONS.contains(String.valueOf(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE")))) {
            return;
        }
        try {
            ClientProxy.unwrap(login);
            signingKey.privateKey();
            new ViewerAccounts(dynamo, table, Clock.systemUTC()).sessionsNotBefore();
        } catch (RuntimeException e) {
            LOG.warnf("priming at start-up left for the first request: %s", e.toString());
        }
    }

    @Produces
    @ApplicationScoped
    LoginService loginService(DynamoDbClient dynamo, SigningKeySource signingKey,
            @ConfigProperty(name = "gallery.accounts-table") String table,
            @ConfigProperty(name = "gallery.session-hours") int sessionHours) {
        Clock clock = Clock.systemUTC();
        return new LoginService(
                new LoginThrottle(dynamo, table, LoginThrottle.Limits.standard(), clock),
                new CredentialCheck(new ViewerAccounts(dynamo, table, clock), new PasswordHasher()),
                new SignedCookies(signingKey, clock), new KnownDevices(signingKey, clock), new Sessions(signingKey, clock),
                Duration.ofHours(sessionHours), clock, LOG::info);
    }

    @Produces
    @ApplicationScoped
    SessionRenewal sessionRenewal(DynamoDbClient dynamo, SigningKeySource signingKey,
            @ConfigProperty(name = "gallery.accounts-table") String table) {
        Clock clock = Clock.systemUTC();
        return new SessionRenewal(new Sessions(signingKey, clock), new SignedCookies(signingKey, clock),
                new ViewerAccounts(dynamo, table, clock), new ShareLinks(dynamo, table, clock), clock);
    }

    @Produces
    @ApplicationScoped
    AlbumZipRequests albumZipRequests(SessionRenewal sessions, S3Client s3, SqsClient sqs,
            @ConfigProperty(name = "gallery.web-bucket") String webBucket,
            @ConfigProperty(name = "gallery.zip-bucket") String zipBucket,
            @ConfigProperty(name = "gallery.zip-queue-url") String queueUrl) {
        return new AlbumZipRequests(sessions, s3, webBucket, zipBucket, sqs, queueUrl, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    GuestEntry guestEntry(DynamoDbClient dynamo, SigningKeySource signingKey,
            @ConfigProperty(name = "gallery.accounts-table") String table) {
        Clock clock = Clock.systemUTC();
        return new GuestEntry(new ShareLinks(dynamo, table, clock),
                new LoginThrottle(dynamo, table, LoginThrottle.Limits.standard(), clock),
                new SignedCookies(signingKey, clock), new Sessions(signingKey, clock), LOG::info);
    }

    @Produces
    @ApplicationScoped
    LoginPage loginPage(@ConfigProperty(name = "gallery.site-title") String siteTitle) {
        return new LoginPage(siteTitle);
    }

    @Produces
    @ApplicationScoped
    LoginAssets loginAssets() {
        return new LoginAssets();
    }
}
