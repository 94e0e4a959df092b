package family.gallery.login;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.ViewerAccounts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the plain login classes from the function's configuration. */
@ApplicationScoped
public class LoginComponents {

    private static final Logger LOG = Logger.getLogger(LoginService.class);

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
