package family.gallery.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import family.gallery.accounts.GroupName;
import family.gallery.accounts.LocalAccountsTable;
import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.SiteAccess;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;

/** Renewing the hour-long cookies from the session, guest links and signing out, on DynamoDB Local. */
class SessionsAndGuestLinksTest {

    private static final String HOST = "gallery.example.org";
    private static final String PASSWORD = "correct horse battery";
    private static final Duration SESSION = Duration.ofDays(7);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final PasswordHasher hasher = new PasswordHasher(5);
    private final List<String> record = new ArrayList<>();
    private LocalAccountsTable table;
    private ViewerAccounts accounts;
    private ShareLinks links;
    private LoginService logins;
    private SessionRenewal renewal;
    private GuestEntry guests;

    @BeforeEach
    void start() {
        table = new LocalAccountsTable();
        accounts = new ViewerAccounts(table.client(), table.name(), clock);
        accounts.add(ViewerName.of("ann"), hasher.hash(PASSWORD.toCharArray()));
        links = new ShareLinks(table.client(), table.name(), clock);
        LoginThrottle throttle = new LoginThrottle(table.client(), table.name(), LoginThrottle.Limits.standard(), clock);
        SignedCookies cookies = new SignedCookies(TestKeys.SOURCE, clock);
        Sessions sessions = new Sessions(TestKeys.SOURCE, clock);
        logins = new LoginService(throttle, new CredentialCheck(accounts, hasher), cookies, new KnownDevices(TestKeys.SOURCE, clock),
                sessions, SESSION, clock, record::add);
        renewal = new SessionRenewal(sessions, cookies, accounts, links, clock);
        guests = new GuestEntry(links, throttle, cookies, sessions, record::add);
    }

    @AfterEach
    void stop() {
        table.close();
    }

    /** The cookies as the browser sends them back to /login: {@code name=value} of those for that path. */
    private static List<String> toLogin(List<String> setCookies) {
        return setCookies.stream().filter(cookie -> cookie.contains("; Path=/login;") && !cookie.contains("Max-Age=0"))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList();
    }

    private static List<String> openedPaths(List<String> setCookies) {
        return setCookies.stream().filter(cookie -> cookie.startsWith("CloudFront-Policy=") && !cookie.contains("Max-Age=0"))
                .map(cookie -> cookie.replaceAll(".*; Path=([^;]+);.*", "$1")).toList();
    }

    private List<String> signIn() {
        return toLogin(assertInstanceOf(LoginService.SignedIn.class,
                logins.login(new LoginForm("ann", PASSWORD.toCharArray(), "/"), "198.51.100.7", HOST, List.of())).cookies());
    }

    @Test
    void theSessionRenewsTheCookiesWithTheViewersGroupsAsTheyAreNow() {
        List<String> session = signIn();
        clock.advance(Duration.ofMinutes(59));
        var renewed = assertInstanceOf(SessionRenewal.Renewed.class, renewal.renew(session, HOST));
        String view = SiteAccess.viewPrefix(Set.of());
        assertEquals(List.of("/" + view, "/a/everyone/"), openedPaths(renewed.cookies()));
        assertEquals("/" + view + "index.html", renewed.location());

        accounts.addToGroup(GroupName.of("family"), ViewerName.of("ann"));
        var withGroup = assertInstanceOf(SessionRenewal.Renewed.class, renewal.renew(session, HOST));
        String familyView = SiteAccess.viewPrefix(Set.of(GroupName.of("family")));
        assertEquals(List.of("/" + familyView, "/a/everyone/", "/a/family/"), withGroup.paths());
        assertEquals(withGroup.paths(), openedPaths(withGroup.cookies()));

        accounts.removeFromGroup(GroupName.of("family"), ViewerName.of("ann"));
        assertEquals(List.of("/" + view, "/a/everyone/"),
                assertInstanceOf(SessionRenewal.Renewed.class, renewal.renew(session, HOST)).paths(), "removed: the group's set is not renewed");
    }

    @Test
    void aNewPasswordARemovedViewerTheSessionsEndOrAForgedCookieEndTheSession() {
        List<String> session = signIn();
        clock.advance(Duration.ofMinutes(5));
        accounts.changePassword(ViewerName.of("ann"), hasher.hash(PASSWORD.toCharArray())); // set anew, even to the same one
        var ended = assertInstanceOf(SessionRenewal.Ended.class, renewal.renew(session, HOST));
        assertEquals(List.of(Sessions.cleared()), ended.cookies());

        List<String> later = signIn();
        assertInstanceOf(SessionRenewal.Renewed.class, renewal.renew(later, HOST));
        clock.advance(SESSION);
        assertInstanceOf(SessionRenewal.Ended.class, renewal.renew(later, HOST), "the session's own end");

        List<String> again = signIn();
        accounts.remove(ViewerName.of("ann"));
        assertInstanceOf(SessionRenewal.Ended.class, renewal.renew(again, HOST));

        String value = again.stream().filter(cookie -> cookie.startsWith(Sessions.NAME + "=")).findFirst().orElseThrow();
        String forged = value.replaceFirst("\\.[^.]{4}", ".AAAA");
        assertInstanceOf(SessionRenewal.Ended.class, renewal.renew(List.of(forged), HOST));
        assertInstanceOf(SessionRenewal.Ended.class, renewal.renew(List.of(), HOST));
    }

    @Test
    void aGuestLinkOpensItsOwnPrefixUntilItExpiresOrIsRevoked() {
        ShareLinks.NewShare link = links.create("2026 summer/beach", Duration.ofDays(3), false);
        assertInstanceOf(GuestEntry.Preparing.class, guests.open(link.token(), "198.51.100.7", HOST), "before the site is built");
        links.markPublished(link.share().id(), true);

        var opened = assertInstanceOf(GuestEntry.Opened.class, guests.open(link.token(), "198.51.100.7", HOST));
        String prefix = "/" + SiteAccess.sharePrefix(link.share().id());
        assertEquals(prefix + "albums/2026%20summer/beach/index.html", opened.location());
        assertEquals(List.of(prefix), openedPaths(opened.cookies()), "its own prefix and nothing else");
        assertTrue(CookieVerifier.policy(CookieVerifier.values(opened.cookies().stream()
                .filter(cookie -> cookie.contains("; Path=" + prefix + ";")).toList())).contains("https://" + HOST + prefix + "*"));
        assertEquals(clock.instant(), links.find(link.share().id()).orElseThrow().lastUsed().orElseThrow());

        List<String> session = toLogin(opened.cookies());
        var renewed = assertInstanceOf(SessionRenewal.Renewed.class, renewal.renew(session, HOST));
        assertEquals(List.of(prefix), renewed.paths());

        clock.advance(Duration.ofDays(3).minusMinutes(10));
        var lastCookies = assertInstanceOf(SessionRenewal.Renewed.class, renewal.renew(session, HOST));
        assertTrue(lastCookies.cookies().stream().filter(cookie -> cookie.contains("; Path=" + prefix + ";"))
                .allMatch(cookie -> cookie.endsWith("Max-Age=600")), "never beyond the link's own end: " + lastCookies.cookies());
        clock.advance(Duration.ofMinutes(10));
        assertInstanceOf(SessionRenewal.Ended.class, renewal.renew(session, HOST));
        var expired = assertInstanceOf(GuestEntry.Expired.class, guests.open(link.token(), "198.51.100.7", HOST));
        assertEquals(link.share().expires(), expired.expired());

        ShareLinks.NewShare revoked = links.create("2026 summer", Duration.ofDays(3), false);
        links.markPublished(revoked.share().id(), true);
        List<String> revokedSession = toLogin(assertInstanceOf(GuestEntry.Opened.class,
                guests.open(revoked.token(), "198.51.100.8", HOST)).cookies());
        links.revoke(revoked.share().id());
        assertInstanceOf(GuestEntry.Unknown.class, guests.open(revoked.token(), "198.51.100.8", HOST));
        assertInstanceOf(SessionRenewal.Ended.class, renewal.renew(revokedSession, HOST));
    }

    @Test
    void anAlbumThatIsGoneForgedAndMalformedLinksAndGuessingLockTheAddress() {
        ShareLinks.NewShare link = links.create("gone", Duration.ofDays(3), false);
        links.markPublished(link.share().id(), false);
        assertInstanceOf(GuestEntry.AlbumGone.class, guests.open(link.token(), "198.51.100.7", HOST));

        String forged = link.share().id() + "." + "A".repeat(43);
        for (String token : List.of(forged, "", "not-a-token", link.token() + "x", "../../etc/passwd")) {
            assertInstanceOf(GuestEntry.Unknown.class, guests.open(token, "203.0.113.9", HOST), token);
        }
        for (int i = 0; i < 15; i++) {
            assertInstanceOf(GuestEntry.Unknown.class, guests.open(forged, "203.0.113.9", HOST));
        }
        var locked = assertInstanceOf(GuestEntry.Locked.class, guests.open(link.token(), "203.0.113.9", HOST),
                "twenty guesses from one address lock it, as for passwords");
        assertTrue(locked.retryAfter().toMinutes() >= 14, locked.retryAfter().toString());
        assertInstanceOf(GuestEntry.AlbumGone.class, guests.open(link.token(), "198.51.100.7", HOST), "other addresses go on");
        assertTrue(record.stream().anyMatch(line -> line.contains("\"event\":\"share\"") && line.contains("\"outcome\":\"unknown\"")
                && line.contains("\"network\":\"203.0.113.0/24\"")), record.toString());
        assertTrue(record.stream().noneMatch(line -> line.contains(link.token().substring(13))), "never the secret");
    }

    @Test
    void signingOutEveryoneEndsEverySessionBegunBefore() {
        List<String> viewer = signIn();
        ShareLinks.NewShare link = links.create("summer", Duration.ofDays(3), false);
        links.markPublished(link.share().id(), true);
        List<String> guest = toLogin(assertInstanceOf(GuestEntry.Opened.class, guests.open(link.token(), "198.51.100.7", HOST)).cookies());
        clock.advance(Duration.ofMinutes(20));
        accounts.signOutEveryone();
        assertInstanceOf(SessionRenewal.Ended.class, renewal.renew(viewer, HOST));
        assertInstanceOf(SessionRenewal.Ended.class, renewal.renew(guest, HOST));
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(SessionRenewal.Renewed.class, renewal.renew(signIn(), HOST), "signing in again works at once");
        assertInstanceOf(SessionRenewal.Renewed.class, renewal.renew(toLogin(assertInstanceOf(GuestEntry.Opened.class,
                guests.open(link.token(), "198.51.100.7", HOST)).cookies()), HOST), "so does opening the link again");
    }

    @Test
    void signingOutForgetsTheSessionAndEverySetItNamed() {
        accounts.addToGroup(GroupName.of("family"), ViewerName.of("ann"));
        List<String> session = signIn();
        List<String> cleared = renewal.signOut(session);
        assertTrue(cleared.contains(Sessions.cleared()));
        String view = SiteAccess.viewPrefix(Set.of(GroupName.of("family")));
        for (String path : List.of("/", "/" + view, "/a/everyone/", "/a/family/")) {
            for (String name : SignedCookies.NAMES) {
                assertTrue(cleared.contains(name + "=; Path=" + path + "; Secure; HttpOnly; SameSite=Lax; Max-Age=0"), name + " " + path);
            }
        }
        assertEquals(List.of(Sessions.cleared()).size() + 3, renewal.signOut(List.of()).size(), "without a session: the site-wide set");
    }
}
