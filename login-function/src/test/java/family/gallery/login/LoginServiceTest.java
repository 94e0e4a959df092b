package family.gallery.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import family.gallery.accounts.GroupName;
import family.gallery.accounts.LocalAccountsTable;
import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.SiteAccess;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;

/** Logins from form to outcome against DynamoDB Local, with a clock the test moves. */
class LoginServiceTest {

    private static final String HOST = "d111111abcdef8.cloudfront.net";
    private static final String ANN_PASSWORD = "correct horse battery";
    private static final Duration SESSION = Duration.ofHours(168);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    // A low cost keeps the suite quick; the benchmark measures the real one.
    private final PasswordHasher hasher = new PasswordHasher(5);
    private LocalAccountsTable table;
    private ViewerAccounts accounts;
    private LoginService logins;
    private final List<String> record = new java.util.ArrayList<>();

    @BeforeEach
    void start() {
        table = new LocalAccountsTable();
        accounts = new ViewerAccounts(table.client(), table.name(), clock);
        accounts.add(ViewerName.of("ann"), hasher.hash(ANN_PASSWORD.toCharArray()));
        logins = new LoginService(new LoginThrottle(table.client(), table.name(), LoginThrottle.Limits.standard(), clock),
                new CredentialCheck(accounts, hasher), new SignedCookies(TestKeys.SOURCE, clock),
                new KnownDevices(TestKeys.SOURCE, clock), new Sessions(TestKeys.SOURCE, clock), SESSION, clock, record::add);
    }

    @AfterEach
    void stop() {
        table.close();
    }

    private LoginService.Outcome login(String name, String password, String address) {
        return loginWith(name, password, address, List.of());
    }

    private LoginService.Outcome loginWith(String name, String password, String address, List<String> cookies) {
        return logins.login(new LoginForm(name, password.toCharArray(), "/albums/2026/index.html"), address, HOST, cookies);
    }

    /** The known-device cookie of a sign-in, as the browser sends it back: {@code name=value}. */
    private static String deviceCookie(LoginService.SignedIn signedIn) {
        String setCookie = signedIn.cookies().stream().filter(c -> c.startsWith(KnownDevices.NAME + "=")).findFirst().orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void theRightPasswordGivesACookieSetForTheViewersPagesAndOneForEveryonesPhotos() throws Exception {
        String view = SiteAccess.viewPrefix(Set.of());
        var signedIn = assertInstanceOf(LoginService.SignedIn.class, login("Ann", ANN_PASSWORD, "198.51.100.7"));
        assertEquals("/" + view + "index.html", signedIn.location(), "a way back outside the viewer's pages leads home");
        assertEquals(11, signedIn.cookies().size());
        assertEquals(SignedCookies.cleared(List.of()), signedIn.cookies().subList(0, 3), "the old site-wide set is forgotten");
        List<String> siteCookies = signedIn.cookies().subList(3, 6);
        for (String cookie : siteCookies) {
            assertTrue(cookie.endsWith("; Path=/" + view + "; Secure; HttpOnly; SameSite=Lax; Max-Age=3600"), cookie);
        }
        for (String cookie : signedIn.cookies().subList(6, 9)) {
            assertTrue(cookie.endsWith("; Path=/a/everyone/; Secure; HttpOnly; SameSite=Lax; Max-Age=3600"), cookie);
        }
        assertTrue(CookieVerifier.policy(CookieVerifier.values(signedIn.cookies().subList(6, 9)))
                .contains("\"Resource\":\"https://" + HOST + "/a/everyone/*\""));
        assertTrue(signedIn.cookies().get(9).startsWith(Sessions.NAME + "=") && signedIn.cookies().get(9)
                .endsWith("; Path=/login; Secure; HttpOnly; SameSite=Strict; Max-Age=" + SESSION.toSeconds()), signedIn.cookies().get(9));
        assertTrue(signedIn.cookies().get(10).endsWith("; Path=/login; Secure; HttpOnly; SameSite=Strict; Max-Age=31536000"),
                signedIn.cookies().get(10));
        Map<String, String> cookies = CookieVerifier.values(siteCookies);
        assertEquals(SignedCookies.NAMES, List.copyOf(cookies.keySet()));
        assertEquals(TestKeys.KEY_PAIR_ID, cookies.get("CloudFront-Key-Pair-Id"));

        // Independently of the SDK: the signature is RSA-SHA1 over the policy, by our key.
        assertTrue(CookieVerifier.signatureMatches(cookies, TestKeys.PAIR.getPublic()));
        String policy = CookieVerifier.policy(cookies);
        assertTrue(policy.contains("\"Resource\":\"https://" + HOST + "/" + view + "*\""), policy);
        Matcher expiry = Pattern.compile("\"AWS:EpochTime\":(\\d+)").matcher(policy);
        assertTrue(expiry.find(), policy);
        assertEquals(clock.instant().plus(Duration.ofHours(1)).getEpochSecond(), Long.parseLong(expiry.group(1)),
                "an hour, renewed from the session");

        // The check can fail: another policy or another key does not verify.
        Map<String, String> tampered = new java.util.HashMap<>(cookies);
        tampered.put("CloudFront-Policy", CookieVerifier.encode(policy.replace(HOST, "evil.example").getBytes()));
        assertFalse(CookieVerifier.signatureMatches(tampered, TestKeys.PAIR.getPublic()));
        var otherKey = java.security.KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);
        assertFalse(CookieVerifier.signatureMatches(cookies, otherKey.generateKeyPair().getPublic()));
        assertEquals(2048, ((RSAPublicKey) TestKeys.PAIR.getPublic()).getModulus().bitLength());
    }

    @Test
    void aViewerInGroupsGetsOneSetPerGroupAndComesBackOnlyToPagesTheyMayOpen() {
        accounts.addToGroup(GroupName.of("friends"), ViewerName.of("ann"));
        accounts.addToGroup(GroupName.of("family"), ViewerName.of("ann"));
        String view = SiteAccess.viewPrefix(Set.of(GroupName.of("family"), GroupName.of("friends")));
        String album = "/" + view + "albums/2026/index.html";
        var signedIn = assertInstanceOf(LoginService.SignedIn.class,
                logins.login(new LoginForm("ann", ANN_PASSWORD.toCharArray(), album), "198.51.100.7", HOST, List.of()));
        assertEquals(album, signedIn.location());
        List<String> paths = signedIn.cookies().stream().filter(cookie -> cookie.startsWith("CloudFront-Policy=") && !cookie.contains("Max-Age=0"))
                .map(cookie -> cookie.replaceAll(".*; Path=([^;]+);.*", "$1")).toList();
        assertEquals(List.of("/" + view, "/a/everyone/", "/a/family/", "/a/friends/"), paths);
        for (String path : paths) {
            List<String> set = signedIn.cookies().stream().filter(cookie -> cookie.contains("; Path=" + path + ";")).toList();
            assertTrue(CookieVerifier.policy(CookieVerifier.values(set)).contains("\"Resource\":\"https://" + HOST + path + "*\""));
        }
        var elsewhere = assertInstanceOf(LoginService.SignedIn.class, logins.login(new LoginForm("ann", ANN_PASSWORD.toCharArray(),
                "/" + SiteAccess.viewPrefix(Set.of()) + "index.html"), "198.51.100.7", HOST, List.of()));
        assertEquals("/" + view + "index.html", elsewhere.location(), "another view's page is not the way back");
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() {
        LoginService.Outcome wrongPassword = login("ann", "wrong password!", "198.51.100.7");
        LoginService.Outcome unknownName = login("nobody", "wrong password!", "198.51.100.8");
        LoginService.Outcome impossibleName = login("<script>", "wrong password!", "198.51.100.9");
        assertInstanceOf(LoginService.Refused.class, wrongPassword);
        assertEquals(wrongPassword, unknownName);
        assertEquals(wrongPassword, impossibleName);
        assertInstanceOf(LoginService.Incomplete.class, login("ann", "", "198.51.100.7"));
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(LoginService.Refused.class, login("ann", "guess " + i, "198.51.100." + i));
        }
        var locked = assertInstanceOf(LoginService.Locked.class, login("ann", ANN_PASSWORD, "203.0.113.1"));
        assertEquals(Duration.ofMinutes(15), locked.retryAfter());
        assertInstanceOf(LoginService.Locked.class, login("ANN ", ANN_PASSWORD, "203.0.113.2"));
        // Other accounts are not affected.
        accounts.add(ViewerName.of("bob"), hasher.hash("bob's password".toCharArray()));
        assertInstanceOf(LoginService.SignedIn.class, login("bob", "bob's password", "203.0.113.1"));

        clock.advance(Duration.ofMinutes(14));
        var stillLocked = assertInstanceOf(LoginService.Locked.class, login("ann", ANN_PASSWORD, "203.0.113.1"));
        assertEquals(Duration.ofMinutes(1), stillLocked.retryAfter());
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(LoginService.SignedIn.class, login("ann", ANN_PASSWORD, "203.0.113.1"));
    }

    @Test
    void guessesFromElsewhereCannotLockOutABrowserThatSignedInBefore() {
        String known = deviceCookie(assertInstanceOf(LoginService.SignedIn.class, login("ann", ANN_PASSWORD, "198.51.100.7")));
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(LoginService.Refused.class, login("ann", "guess " + i, "203.0.113." + i));
        }
        assertInstanceOf(LoginService.Locked.class, login("ann", ANN_PASSWORD, "198.51.100.7"), "an unknown browser waits");
        var signedIn = assertInstanceOf(LoginService.SignedIn.class, loginWith("ann", ANN_PASSWORD, "198.51.100.7", List.of(known)));
        assertEquals(known.substring(0, known.indexOf('.')).length(), deviceCookie(signedIn).indexOf('.'),
                "the same device, its cookie renewed");

        // The cookie is only good for its own account, and only as signed.
        assertInstanceOf(LoginService.Locked.class, loginWith("ANN", ANN_PASSWORD, "198.51.100.7",
                List.of(known.substring(0, known.length() - 4) + "AAAA")));
        accounts.add(ViewerName.of("bob"), hasher.hash("bob's password".toCharArray()));
        for (int i = 0; i < 5; i++) {
            login("bob", "guess " + i, "203.0.113." + i);
        }
        assertInstanceOf(LoginService.Locked.class, loginWith("bob", "bob's password", "198.51.100.7", List.of(known)));

        // A known device that guesses is throttled on its own counter.
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(LoginService.Refused.class, loginWith("ann", "guess " + i, "198.51.100.7", List.of(known)));
        }
        assertInstanceOf(LoginService.Locked.class, loginWith("ann", ANN_PASSWORD, "198.51.100.7", List.of(known)));
    }

    @Test
    void everyAttemptLeavesOneLineForTheRecordWithoutThePassword() {
        login("Ann ", ANN_PASSWORD, "198.51.100.7");
        login("ann", "a wrong guess", ClientAddress.throttleKey(Map.of("cloudfront-viewer-address", "2001:db8:1:2:aaaa::1:443"), null));
        login("nobody", "", "203.0.113.9");
        assertEquals(List.of(
                "{\"event\":\"login\",\"outcome\":\"signed-in\",\"name\":\"ann\",\"network\":\"198.51.100.0/24\",\"knownDevice\":false}",
                "{\"event\":\"login\",\"outcome\":\"refused\",\"name\":\"ann\",\"network\":\"2001:db8:1:2::/64\",\"knownDevice\":false}",
                "{\"event\":\"login\",\"outcome\":\"incomplete\",\"name\":\"\",\"network\":\"203.0.113.0/24\",\"knownDevice\":false}"),
                record);
        assertFalse(String.join("", record).contains(ANN_PASSWORD) || String.join("", record).contains("wrong guess"));
    }

    @Test
    void unlockAndANewPasswordEndALockout() {
        for (int i = 0; i < 5; i++) {
            login("ann", "guess " + i, "203.0.113." + i);
        }
        assertInstanceOf(LoginService.Locked.class, login("ann", ANN_PASSWORD, "198.51.100.7"));
        accounts.unlock(ViewerName.of("ann"));
        assertInstanceOf(LoginService.SignedIn.class, login("ann", ANN_PASSWORD, "198.51.100.7"));

        for (int i = 0; i < 5; i++) {
            login("ann", "guess " + i, "203.0.113." + i);
        }
        accounts.changePassword(ViewerName.of("ann"), hasher.hash("a brand new password".toCharArray()));
        assertInstanceOf(LoginService.SignedIn.class, login("ann", "a brand new password", "198.51.100.7"));
    }

    @Test
    void unknownNamesLockLikeAccountsSoLockingRevealsNothing() {
        for (int i = 0; i < 5; i++) {
            login("nobody", "guess " + i, "198.51.100." + i);
        }
        assertInstanceOf(LoginService.Locked.class, login("nobody", "guess", "198.51.100.99"));
    }

    @Test
    void oneAddressGuessingManyNamesIsLockedOut() {
        for (int i = 0; i < 20; i++) {
            assertInstanceOf(LoginService.Refused.class,
                    login("viewer" + i, "guess", ClientAddress.throttleKey(Map.of("cloudfront-viewer-address", "2001:db8:1:2:aaaa::1:443"), null)));
        }
        // The same /64 is the same household or phone.
        var locked = assertInstanceOf(LoginService.Locked.class,
                login("ann", ANN_PASSWORD, ClientAddress.throttleKey(Map.of("cloudfront-viewer-address", "2001:db8:1:2:bbbb::9:443"), null)));
        assertEquals(Duration.ofMinutes(15), locked.retryAfter());
        assertInstanceOf(LoginService.SignedIn.class,
                login("ann", ANN_PASSWORD, ClientAddress.throttleKey(Map.of("cloudfront-viewer-address", "2001:db8:1:3::1:443"), null)));
    }

    @Test
    void aSuccessfulLoginForgivesTheAccountsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            login("ann", "typo " + i, "198.51.100.7");
        }
        assertInstanceOf(LoginService.SignedIn.class, login("ann", ANN_PASSWORD, "198.51.100.7"));
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(LoginService.Refused.class, login("ann", "typo again " + i, "198.51.100.8"));
        }
        assertInstanceOf(LoginService.SignedIn.class, login("ann", ANN_PASSWORD, "198.51.100.8"));
    }

    @Test
    void aCheapImportedHashIsReplacedByAStrongerOneOnLogin() {
        accounts.add(ViewerName.of("carol"), new PasswordHasher(4).hash("carol's password".toCharArray()));
        assertInstanceOf(LoginService.SignedIn.class, login("carol", "carol's password", "198.51.100.7"));
        String upgraded = accounts.find(ViewerName.of("carol")).orElseThrow().passwordHash();
        assertTrue(upgraded.startsWith("$2b$05$"), upgraded);
        assertInstanceOf(LoginService.SignedIn.class, login("carol", "carol's password", "198.51.100.7"));
    }

    @Test
    void clientAddressesComeFromCloudFrontsHeader() {
        assertEquals("203.0.113.9", ClientAddress.throttleKey(Map.of("cloudfront-viewer-address", "203.0.113.9:50123"), "130.176.1.1"));
        assertEquals("130.176.1.1", ClientAddress.throttleKey(Map.of(), "130.176.1.1"));
        assertEquals("2001:db8:0:0::/64", ClientAddress.throttleKey(Map.of("cloudfront-viewer-address", "2001:db8::1:443"), null));
        assertEquals("unknown", ClientAddress.throttleKey(Map.of("cloudfront-viewer-address", "evil.example:80"), null));
    }
}
