package family.gallery.login;

import family.gallery.accounts.SiteAccess;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The function as Lambda runs it: function URL events in, HTTP answers out. */
@QuarkusTest
@QuarkusTestResource(AccountsTableResource.class)
class LoginHandlerTest {

    private static final String HOST = "gallery.example.org";

    private static Map<String, Object> request(String method, String path, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/x-www-form-urlencoded",
                "x-gallery-host", HOST, "cloudfront-viewer-address", "198.51.100.7:50000"));
        headers.putAll(extraHeaders);
        Map<String, Object> event = new HashMap<>(Map.of("version", "2.0", "routeKey", "$default", "rawPath", path, "rawQueryString", "",
                "headers", headers,
                "requestContext", Map.of("http", Map.of("method", method, "path", path, "sourceIp", "130.176.1.1")),
                "isBase64Encoded", false));
        event.put("body", body);
        return event;
    }

    private static JsonPath invoke(Map<String, Object> event) {
        return given().contentType("application/json").body(event).when().post().then().statusCode(200).extract().jsonPath();
    }

    private static String form(String username, String password, String next) {
        return "username=" + enc(username) + "&password=" + enc(password) + "&next=" + enc(next);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void showsTheLoginForm() {
        given().contentType("application/json").body(request("GET", "/login", null, Map.of()))
                .when().post()
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("headers.'Cache-Control'", equalTo("no-store"))
                .body("body", containsString("<form id=\"login-form\" class=\"login-form\" method=\"post\" action=\"/login\">"))
                .body("body", containsString("<label for=\"password\">Password</label>"))
                .body("body", containsString("src=\"/login/assets/login.js\""))
                .body("body", not(containsString("<script>")))
                .body("body", not(containsString("style=")));
    }

    private static final String VIEW = SiteAccess.viewPrefix(java.util.Set.of());

    @Test
    void theRightPasswordSetsCookiesAndRedirects() throws Exception {
        String album = "/" + VIEW + "albums/x/index.html";
        JsonPath answer = invoke(request("POST", "/login", form("ann", AccountsTableResource.ANN_PASSWORD, album), Map.of()));
        assertEquals(303, answer.getInt("statusCode"));
        assertEquals(album, answer.getString("headers.Location"));
        List<String> cookies = answer.getList("cookies");
        assertEquals(11, cookies.size(), "the old site-wide set cleared, the view's and everyone's sets, session, device");
        List<String> viewCookies = cookies.subList(3, 6);
        Map<String, String> values = CookieVerifier.values(viewCookies);
        assertTrue(CookieVerifier.signatureMatches(values, TestKeys.PAIR.getPublic()));
        assertTrue(CookieVerifier.policy(values).contains("https://" + HOST + "/" + VIEW + "*"), CookieVerifier.policy(values));
        viewCookies.forEach(cookie -> assertTrue(cookie.contains("; Path=/" + VIEW + "; Secure; HttpOnly; SameSite=Lax"), cookie));
        assertTrue(cookies.get(9).startsWith(Sessions.NAME + "=") && cookies.get(9).contains("; Path=/login;"), cookies.get(9));
        assertTrue(cookies.get(10).startsWith(KnownDevices.NAME + "=") && cookies.get(10).contains("; Path=/login;"), cookies.get(10));
    }

    @Test
    void theSessionRenewsTheCookiesAndSigningOutNeedsAPost() {
        JsonPath signedIn = invoke(request("POST", "/login", form("ann", AccountsTableResource.ANN_PASSWORD, "/"), Map.of()));
        String session = signedIn.<String>getList("cookies").stream().filter(cookie -> cookie.startsWith(Sessions.NAME + "="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).findFirst().orElseThrow();
        Map<String, Object> refresh = request("POST", "/login/refresh", "", Map.of("accept", "application/json"));
        refresh.put("cookies", List.of(session));
        JsonPath renewed = invoke(refresh);
        assertEquals(200, renewed.getInt("statusCode"));
        assertEquals(List.of("/" + VIEW, "/a/everyone/"), JsonPath.from(renewed.getString("body")).getList("paths"));
        assertEquals("/" + VIEW + "index.html", JsonPath.from(renewed.getString("body")).getString("location"));
        assertEquals(9, renewed.getList("cookies").size());
        JsonPath stranger = invoke(request("POST", "/login/refresh", "", Map.of("accept", "application/json")));
        assertEquals(401, stranger.getInt("statusCode"));
        assertEquals(List.of(Sessions.cleared()), stranger.getList("cookies"));

        JsonPath confirm = invoke(request("GET", "/logout", null, Map.of()));
        assertEquals(200, confirm.getInt("statusCode"));
        assertTrue(confirm.getString("body").contains("<form id=\"sign-out-form\""), confirm.getString("body"));
        assertTrue(confirm.getList("cookies") == null || confirm.getList("cookies").isEmpty(), "a GET signs nobody out");
        Map<String, Object> logout = request("POST", "/login/logout", "", Map.of());
        logout.put("cookies", List.of(session));
        JsonPath out = invoke(logout);
        assertEquals(303, out.getInt("statusCode"));
        List<String> cleared = out.getList("cookies");
        assertTrue(cleared.contains("CloudFront-Policy=; Path=/" + VIEW + "; Secure; HttpOnly; SameSite=Lax; Max-Age=0"), cleared.toString());
        assertTrue(cleared.contains(Sessions.cleared()), cleared.toString());
        for (String path : List.of("/login/refresh", "/login/logout")) {
            assertEquals(405, invoke(request("GET", path, null, Map.of())).getInt("statusCode"), path);
        }
        assertEquals(405, invoke(request("POST", "/login/share/abc", "", Map.of())).getInt("statusCode"));
        assertEquals(404, invoke(request("GET", "/login/share/abc", null, Map.of())).getInt("statusCode"));
    }

    @Test
    void thePagesScriptGetsJson() {
        JsonPath answer = invoke(request("POST", "/login", form("ann", AccountsTableResource.ANN_PASSWORD, "//evil.example"),
                Map.of("accept", "application/json")));
        assertEquals(200, answer.getInt("statusCode"));
        assertEquals("/" + VIEW + "index.html", JsonPath.from(answer.getString("body")).getString("location"));
        assertEquals(11, answer.getList("cookies").size());
    }

    @Test
    void aWrongPasswordAndAnUnknownNameLookTheSame() {
        Map<String, String> otherAddress = Map.of("cloudfront-viewer-address", "203.0.113.50:1234");
        JsonPath wrongPassword = invoke(request("POST", "/login", form("ann", "not the password", "/"), otherAddress));
        JsonPath unknownName = invoke(request("POST", "/login", form("zed", "not the password", "/"), otherAddress));
        assertEquals(401, wrongPassword.getInt("statusCode"));
        assertEquals(wrongPassword.getInt("statusCode"), unknownName.getInt("statusCode"));
        assertEquals(wrongPassword.getString("body"), unknownName.getString("body"));
        assertEquals(wrongPassword.getMap("headers"), unknownName.getMap("headers"));
        assertTrue(wrongPassword.getString("body").contains(LoginPage.WRONG_CREDENTIALS));
        assertTrue(wrongPassword.getList("cookies") == null || wrongPassword.getList("cookies").isEmpty());
    }

    @Test
    void aLockedAccountIsToldWhenToComeBack() {
        Map<String, String> json = Map.of("accept", "application/json", "cloudfront-viewer-address", "203.0.113.77:1234");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, invoke(request("POST", "/login", form("locked-out", "guess " + i, "/"), json)).getInt("statusCode"));
        }
        JsonPath locked = invoke(request("POST", "/login", form("locked-out", "guess", "/"), json));
        assertEquals(429, locked.getInt("statusCode"));
        long retryAfter = Long.parseLong(locked.getString("headers.Retry-After"));
        assertTrue(retryAfter > 890 && retryAfter <= 900, "Retry-After " + retryAfter);
        assertEquals("Too many failed attempts. Signing in is paused for 15 minutes.", JsonPath.from(locked.getString("body")).getString("error"));
    }

    /** With the sample in ../events, for {@code sam local invoke LoginFunction -e events/logout.json}. */
    @Test
    void logoutClearsTheCookies() throws IOException {
        given().contentType("application/json").body(Files.readString(Path.of("../events/logout.json")))
                .when().post()
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("body", containsString("\"location\":\"/login\""))
                .body("cookies", hasSize(4))
                .body("cookies[0]", equalTo("CloudFront-Policy=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0"))
                .body("cookies[1]", containsString("CloudFront-Signature=;"))
                .body("cookies[2]", containsString("CloudFront-Key-Pair-Id=;"))
                .body("cookies[3]", equalTo(Sessions.cleared()));
    }

    @Test
    void servesThePagesAssetsAndNothingElse() {
        given().contentType("application/json").body(request("GET", "/login/assets/login.js", null, Map.of()))
                .when().post().then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("headers.'Content-Type'", equalTo("text/javascript; charset=utf-8"))
                .body("body", containsString("x-amz-content-sha256"));
        given().contentType("application/json").body(request("GET", "/login/assets/../../etc/passwd", null, Map.of()))
                .when().post().then().statusCode(200).body("statusCode", equalTo(404));
        given().contentType("application/json").body(request("GET", "/albums/index.html", null, Map.of()))
                .when().post().then().statusCode(200).body("statusCode", equalTo(404));
        given().contentType("application/json").body(request("DELETE", "/login", null, Map.of()))
                .when().post().then().statusCode(200).body("statusCode", equalTo(405));
    }

    @Test
    void aHostileWayBackNeverReachesThePage() {
        Map<String, Object> event = request("GET", "/login", null, Map.of());
        event.put("queryStringParameters", Map.of("next", "/a\"><script>alert(1)</script>"));
        String body = invoke(event).getString("body");
        assertTrue(body.contains("<input type=\"hidden\" name=\"next\" value=\"/\">"), body);
        assertTrue(!body.contains("alert(1)"), body);
    }

    /**
     * The sample in ../events, for {@code sam local invoke LoginFunction -e}: the login page's script
     * posting ann's form through CloudFront, base64 as function URLs pass form bodies.
     */
    @Test
    void theSampleLoginSignsAnnIn() throws IOException {
        String event = Files.readString(Path.of("../events/login-post.json"));
        JsonPath request = JsonPath.from(event);
        assertEquals("ann", LoginForm.parse(request.getString("body"), request.getBoolean("isBase64Encoded")).username());

        JsonPath answer = given().contentType("application/json").body(event).when().post()
                .then().statusCode(200).extract().jsonPath();
        assertEquals(200, answer.getInt("statusCode"));
        assertEquals("/" + VIEW + "albums/2026%20summer/index.html", JsonPath.from(answer.getString("body")).getString("location"));
        String policy = CookieVerifier.policy(CookieVerifier.values(answer.<String>getList("cookies").subList(3, 6)));
        assertTrue(policy.contains("https://" + request.getString("headers.'x-gallery-host'") + "/" + VIEW + "*"), policy);
    }
}
