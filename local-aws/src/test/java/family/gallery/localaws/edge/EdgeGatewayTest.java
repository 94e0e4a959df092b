package family.gallery.localaws.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import family.gallery.accounts.AlbumZips;
import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.SiteAccess;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;
import family.gallery.localaws.LocalAwsException;
import family.gallery.template.StackTemplate;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;
import software.amazon.awssdk.services.cloudfront.model.CustomSignerRequest;

/**
 * The private site through the gateway, as a browser meets it: the template's behaviours, the login
 * function's real logic on the local DynamoDB, pages and media from the local S3.
 */
class EdgeGatewayTest {

    private static final String ANN = "ann";
    private static final String ANN_PASSWORD = "correct horse battery staple";
    private static final String HOME = "<html><body>Albums</body></html>";
    /** The pages of a viewer in no group, as the site builder publishes them. */
    private static final String VIEW = SiteAccess.viewPrefix(java.util.Set.of());
    private static final String HOME_PATH = "/" + VIEW + "index.html";
    private static final String ALBUM_PAGE = VIEW + "albums/Été 2026/a+b/index.html";
    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x10, (byte) 0x80, 0x7F};
    private static final String PHOTO_KEY = "a/everyone/media/Été 2026+b/640x480.jpg";
    private static final String PHOTO_PATH = "/a/everyone/media/%C3%89t%C3%A9%202026+b/640x480.jpg";
    private static final String ALBUM_PATH = "/" + VIEW + "albums/%C3%89t%C3%A9%202026/a+b/index.html";

    private static LocalAws stack;
    private static EdgeGateway gateway;
    private static LocalSigningKey signingKey;
    private static InProcessLogin login;
    private static final SteppingClock CLOCK = new SteppingClock();

    @BeforeAll
    static void start() {
        stack = LocalAws.start(LocalAwsConfig.forTests());
        signingKey = LocalSigningKey.generate();
        TrustedKeys trusted = new TrustedKeys();
        trusted.register("SigningKey", signingKey);
        gateway = EdgeGateway.start(new EdgeGateway.Config(StackTemplate.load(StackTemplate.locate()), 0, stack.s3(),
                stack::bucketName, trusted, CLOCK));
        String accounts = stack.tableName("AccountsTable");
        login = new InProcessLogin(stack, accounts, signingKey, CLOCK);
        gateway.connect("LoginFunction", login);

        new ViewerAccounts(stack.dynamoDb(), accounts, CLOCK)
                .add(ViewerName.parse(ANN).orElseThrow(), new PasswordHasher().hash(ANN_PASSWORD.toCharArray()));
        String web = stack.bucketName("WebBucket");
        for (String home : List.of("index.html", HOME_PATH.substring(1))) {
            stack.s3().putObject(put -> put.bucket(web).key(home).contentType("text/html; charset=utf-8")
                    .cacheControl("no-cache"), RequestBody.fromString(HOME));
        }
        stack.s3().putObject(put -> put.bucket(web).key(ALBUM_PAGE).contentType("text/html; charset=utf-8"),
                RequestBody.fromString("<html>Summer</html>"));
        stack.s3().putObject(put -> put.bucket(web).key(PHOTO_KEY).contentType("image/jpeg")
                .cacheControl("public, max-age=31536000, immutable"), RequestBody.fromBytes(PHOTO));
        stack.s3().putObject(put -> put.bucket(stack.bucketName("SourceBucket")).key("albums/x/IMG_0002.jpg"),
                RequestBody.fromBytes(PHOTO));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void letEarlierLocksExpire() {
        // Every test starts after the lockout window of the one before: attempts all come from 127.0.0.1.
        CLOCK.advance(Duration.ofMinutes(16));
    }

    private static RequestSpecification viewer() {
        return given().baseUri(gateway.endpoint().toString()).urlEncodingEnabled(false).redirects().follow(false);
    }

    /** A form post as the login page's script sends it, with the body's SHA-256 that origin access control needs. */
    private static RequestSpecification form(String body) {
        return viewer().contentType("application/x-www-form-urlencoded; charset=utf-8")
                .header("x-amz-content-sha256", sha256Hex(body)).body(body);
    }

    private static Response postLogin(String username, String password, String next) {
        return form("username=" + encode(username) + "&password=" + encode(password) + "&next=" + encode(next)).post("/login");
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cookie set for the viewer's pages, as the browser sends it there. */
    private static Map<String, String> signIn() {
        Response response = postLogin(ANN, ANN_PASSWORD, "/");
        assertEquals(303, response.statusCode(), response.asString());
        return cookieSet(response.headers().getValues("Set-Cookie"), "/" + VIEW);
    }

    /** The cookies a sign-in set for one path (not those it cleared). */
    private static Map<String, String> cookieSet(List<String> setCookies, String path) {
        return cookieValues(setCookies.stream().filter(cookie -> cookie.contains("; Path=" + path + ";") && !cookie.contains("Max-Age=0"))
                .toList());
    }

    static Map<String, String> cookieValues(List<String> setCookies) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String host() {
        return "127.0.0.1:" + gateway.endpoint().getPort();
    }

    private static void assertLoginPage(Response response) {
        assertEquals(403, response.statusCode());
        assertTrue(response.asString().contains("action=\"/login\""), response.asString());
        assertFalse(response.asString().contains("Albums"));
        assertEquals("DENY", response.header("X-Frame-Options"));
    }

    private static Map<String, String> signedBy(LocalSigningKey key, String resource, java.util.function.UnaryOperator<CustomSignerRequest.Builder> extra) {
        CookiesForCustomPolicy cookies = CloudFrontUtilities.create().getCookiesForCustomPolicy(extra.apply(CustomSignerRequest.builder()
                .resourceUrl(resource).privateKey(key.privateKey()).keyPairId(key.keyPairId())
                .expirationDate(CLOCK.instant().plus(Duration.ofMinutes(10)))).build());
        return cookieValues(List.of(cookies.policyHeaderValue(), cookies.signatureHeaderValue(), cookies.keyPairIdHeaderValue()));
    }

    @Test
    void withoutCookiesEveryPrivatePathGivesTheLoginPage() {
        for (String path : List.of("/", "/index.html", ALBUM_PATH, PHOTO_PATH, "/loginx", "/Login", "/a/everyone/")) {
            Response response = viewer().get(path);
            assertLoginPage(response);
            assertEquals("no-store", response.header("Cache-Control"), path);
        }
        viewer().get("/login").then().statusCode(200).body(containsString("action=\"/login\""))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Strict-Transport-Security", equalTo("max-age=63072000"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"));
        viewer().get("/login/assets/login.js").then().statusCode(200).header("Content-Type", containsString("javascript"));
    }

    @Test
    void theWrongPasswordShowsTheErrorAndSetsNoCookie() {
        for (String[] attempt : List.of(new String[] {ANN, "not the password"}, new String[] {"nobody", ANN_PASSWORD})) {
            Response response = postLogin(attempt[0], attempt[1], "/");
            assertEquals(401, response.statusCode());
            assertTrue(response.asString().contains("do not match"), response.asString());
            assertTrue(response.headers().getValues("Set-Cookie").isEmpty());
        }
    }

    @Test
    void theRightPasswordGivesCookiesThatOpenPagesAndMedia() {
        Response signedIn = postLogin(ANN, ANN_PASSWORD, ALBUM_PATH);
        assertEquals(303, signedIn.statusCode());
        assertEquals(ALBUM_PATH, signedIn.header("Location"));
        List<String> setCookies = signedIn.headers().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("CloudFront-") && cookie.contains("; Path=/" + VIEW + ";")).toList();
        assertEquals(3, setCookies.size());
        setCookies.forEach(cookie -> assertTrue(cookie.contains("; Path=/" + VIEW + "; Secure; HttpOnly; SameSite=Lax"), cookie));
        Map<String, String> everyone = cookieSet(signedIn.headers().getValues("Set-Cookie"), "/a/everyone/");
        String device = signedIn.headers().getValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("gallery-device="))
                .findFirst().orElseThrow();

        // Of the browser's cookies, only the login function's own reach it, as the origin request policy says.
        String deviceValue = device.substring("gallery-device=".length(), device.indexOf(';'));
        form("username=x&password=y").cookie("gallery-device", deviceValue).cookie("tracker", "1")
                .cookie("CloudFront-Policy", "p").post("/login");
        assertEquals("[\"gallery-device=" + deviceValue + "\"]", login.lastEvent().path("cookies").toString());
        Map<String, String> cookies = cookieValues(setCookies);
        String policy = new String(SignedCookieVerifier.decode(cookies.get("CloudFront-Policy")), StandardCharsets.UTF_8);
        assertTrue(policy.contains("\"https://" + host() + "/" + VIEW + "*\""), policy);

        viewer().cookies(cookies).get(HOME_PATH).then().statusCode(200).body(equalTo(HOME))
                .header("Content-Type", startsWith("text/html;")).header("Cache-Control", equalTo("no-cache"))
                .header("ETag", notNullValue()).header("X-Frame-Options", equalTo("DENY"));
        viewer().cookies(cookies).get(ALBUM_PATH).then().statusCode(200).body(equalTo("<html>Summer</html>"));
        assertLoginPage(viewer().cookies(cookies).get(PHOTO_PATH));
        cookies = everyone;
        assertLoginPage(viewer().cookies(cookies).get(ALBUM_PATH));
        Response photo = viewer().cookies(cookies).get(PHOTO_PATH);
        assertEquals(200, photo.statusCode());
        assertArrayEquals(PHOTO, photo.asByteArray());
        assertEquals("image/jpeg", photo.header("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", photo.header("Cache-Control"));
        viewer().cookies(cookies).head(PHOTO_PATH).then().statusCode(200).header("ETag", notNullValue());

        // Players ask for byte ranges, as browsers do for a video.
        Response part = viewer().cookies(cookies).header("Range", "bytes=2-5").get(PHOTO_PATH);
        assertEquals(206, part.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(PHOTO, 2, 6), part.asByteArray());
        assertEquals("bytes 2-5/" + PHOTO.length, part.header("Content-Range"));
    }

    @Test
    void signedInViewersStillGetOnlyWhatTheBehavioursServe() {
        Map<String, String> cookies = signIn();
        // No rewrite of folder paths in the template: only / has a default root object, and S3 hides
        // a missing key behind 403, which shows the login page.
        assertLoginPage(viewer().cookies(cookies).get("/albums/%C3%89t%C3%A9%202026/a+b/"));
        // The source bucket is no origin; bucket names are just keys of the pages bucket.
        assertLoginPage(viewer().cookies(cookies).get("/albums/x/IMG_0002.jpg"));
        assertLoginPage(viewer().cookies(cookies).get("/" + stack.bucketName("WebBucket") + "/index.html"));
        assertLoginPage(viewer().cookies(cookies).get("/" + stack.bucketName("SourceBucket") + "/albums/x/IMG_0002.jpg"));
        // Pages and media accept only GET and HEAD.
        assertLoginPage(viewer().cookies(cookies).body("x").post("/index.html"));
        assertLoginPage(viewer().cookies(cookies).delete(PHOTO_PATH));
    }

    @Test
    void aTamperedPolicyIsRefused() {
        Map<String, String> cookies = new LinkedHashMap<>(signIn());
        String policy = new String(SignedCookieVerifier.decode(cookies.get("CloudFront-Policy")), StandardCharsets.UTF_8);
        String longer = policy.replaceAll("\"AWS:EpochTime\":(\\d+)", "\"AWS:EpochTime\":4102444800");
        assertFalse(longer.equals(policy), policy);
        cookies.put("CloudFront-Policy", Base64.getEncoder().encodeToString(longer.getBytes(StandardCharsets.UTF_8))
                .replace('+', '-').replace('=', '_').replace('/', '~'));
        assertLoginPage(viewer().cookies(cookies).get(HOME_PATH));
    }

    /**
     * What a page rebound to 127.0.0.1 sends: its own name as Host. Every endpoint refuses it, and
     * answers loopback names. (S3 refuses whatever is not signed with the data folder's secret, which
     * such a page cannot make: see DirectBucketAccessTest.)
     */
    /**
     * A page asks the login origin for an album's ZIP with the session cookie: only for a folder under
     * a prefix the session opens and whose manifest is published; repeated asks queue one request;
     * the archive, once made, opens with the cookies of its prefix and with nothing else.
     */
    @Test
    void albumZipsAreAskedForThroughTheSessionAndServedUnderTheAlbumsCookies() {
        Response signedIn = postLogin(ANN, ANN_PASSWORD, "/");
        String session = signedIn.headers().getValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("gallery-session="))
                .map(cookie -> cookie.substring("gallery-session=".length(), cookie.indexOf(';'))).findFirst().orElseThrow();
        String mine = AlbumZips.folder(SiteAccess.EVERYONE, "a".repeat(64));
        String anothers = AlbumZips.folder("a/parents/", "b".repeat(64));
        String web = stack.bucketName("WebBucket");
        for (String folder : List.of(mine, anothers)) {
            stack.s3().putObject(put -> put.bucket(web).key(folder + AlbumZips.MANIFEST), RequestBody.fromString("{}"));
        }
        String queue = stack.functionEnvironment("LoginFunction").get("ZIP_QUEUE_URL");

        assertEquals(401, askForZip(null, mine, true).statusCode(), "no session");
        Response foreign = askForZip(session, anothers, true);
        assertEquals(404, foreign.statusCode(), "another audience's ZIP is not even said to exist");
        assertEquals(404, askForZip(session, "a/everyone/media/", true).statusCode());
        String unpublished = AlbumZips.folder(SiteAccess.EVERYONE, "c".repeat(64));
        assertTrue(askForZip(session, unpublished, true).jsonPath().getString("error").contains("Reload the page"));
        assertEquals(0, stack.sqs().receiveMessage(r -> r.queueUrl(queue)).messages().size(), "nothing queued for refusals");

        Response asked = askForZip(session, mine, true);
        assertEquals(200, asked.statusCode(), asked.asString());
        assertEquals("building", asked.jsonPath().getString("state"));
        assertEquals(200, askForZip(session, mine, false).statusCode());
        var queued = stack.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertEquals(List.of(mine), queued.stream().map(m -> m.body()).toList(), "asked twice, queued once");

        String zips = stack.bucketName("ZipBucket");
        stack.s3().putObject(put -> put.bucket(zips).key(mine + AlbumZips.ARCHIVE).contentType("application/zip"),
                RequestBody.fromBytes(PHOTO));
        stack.s3().putObject(put -> put.bucket(zips).key(mine + AlbumZips.STATUS)
                .metadata(new AlbumZips.Progress(AlbumZips.State.READY, 3, 3, 0, PHOTO.length, "").metadata()), RequestBody.empty());
        Response ready = askForZip(session, mine, false);
        assertEquals("ready", ready.jsonPath().getString("state"));
        String href = ready.jsonPath().getString("href");
        assertEquals("/" + mine + AlbumZips.ARCHIVE, href);
        Map<String, String> media = cookieSet(signedIn.headers().getValues("Set-Cookie"), "/" + SiteAccess.EVERYONE);
        assertEquals(200, viewer().cookies(media).get(href).statusCode());
        assertEquals(403, viewer().get(href).statusCode(), "without cookies");
        assertEquals(403, viewer().cookies(media).get("/" + anothers + AlbumZips.ARCHIVE).statusCode(), "another prefix's cookies");
    }

    private static Response askForZip(String session, String folder, boolean start) {
        String body = "{\"folder\": \"" + folder + "\", \"start\": " + start + "}";
        RequestSpecification request = viewer().contentType("application/json").header("x-amz-content-sha256", sha256Hex(body)).body(body);
        return (session == null ? request : request.cookie("gallery-session", session)).post("/login/zip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"site", "SQS", "DynamoDB", "CloudFront"})
    void everyEndpointAnswersOnlyToLoopbackNames(String service) throws Exception {
        URI endpoint = switch (service) {
            case "site" -> gateway.endpoint();
            case "SQS" -> stack.sqsEndpoint();
            case "DynamoDB" -> stack.dynamoDbEndpoint();
            default -> stack.cloudFrontEndpoint();
        };
        int port = endpoint.getPort();
        assertEquals(421, statusWithHost(endpoint, "rebound.example:" + port), service);
        assertEquals(421, statusWithHost(endpoint, "127.0.0.1.rebound.example"), service);
        int withoutHost = statusWithHost(endpoint, null);
        assertTrue(withoutHost == 421 || withoutHost == 400, service + " answers " + withoutHost + " without a Host");
        for (String loopback : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST")) {
            int status = statusWithHost(endpoint, loopback);
            // Reached the service, which may make nothing of a bare GET (SQS and DynamoDB answer 400, the
            // CloudFront recorder 501) but does not refuse the name.
            assertNotEquals(421, status, service + " answers to Host " + loopback);
        }
    }

    /** The status of a bare GET of / with that Host header, sent over a socket as a browser would. */
    private static int statusWithHost(URI endpoint, String host) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET / HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            assertTrue(statusLine != null && statusLine.startsWith("HTTP/1."), "a status line: " + statusLine);
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void aBusySitePortIsNamedInTheError() throws Exception {
        int port = gateway.endpoint().getPort();
        LocalAwsException busy = assertThrows(LocalAwsException.class, () -> EdgeGateway.start(new EdgeGateway.Config(
                StackTemplate.load(StackTemplate.locate()), port, stack.s3(), stack::bucketName, new TrustedKeys(), CLOCK)));
        assertTrue(busy.getMessage().startsWith("the site cannot listen on 127.0.0.1:" + port), busy.getMessage());
    }

    @Test
    void aTamperedSignatureIsRefused() {
        Map<String, String> cookies = new LinkedHashMap<>(signIn());
        String signature = cookies.get("CloudFront-Signature");
        cookies.put("CloudFront-Signature", (signature.charAt(10) == 'A' ? "B" : "A") + signature.substring(1, 10)
                + (signature.charAt(10) == 'A' ? 'B' : 'A') + signature.substring(11));
        assertLoginPage(viewer().cookies(cookies).get(HOME_PATH));
        cookies.put("CloudFront-Signature", "not*base64");
        assertLoginPage(viewer().cookies(cookies).get(HOME_PATH));
        cookies.remove("CloudFront-Signature");
        assertLoginPage(viewer().cookies(cookies).get(HOME_PATH));
    }

    @Test
    void anExpiredPolicyIsRefused() {
        Map<String, String> cookies = signIn();
        viewer().cookies(cookies).get(HOME_PATH).then().statusCode(200);
        CLOCK.advance(InProcessLogin.COOKIES_LAST.minusSeconds(1));
        viewer().cookies(cookies).get(HOME_PATH).then().statusCode(200);
        CLOCK.advance(Duration.ofSeconds(1));
        assertLoginPage(viewer().cookies(cookies).get(HOME_PATH));
    }

    @Test
    void policiesForAnotherSiteAnotherTimeOrAnotherAddressAreRefused() {
        viewer().cookies(signedBy(signingKey, "https://" + host() + "/*", b -> b)).get("/").then().statusCode(200);
        assertLoginPage(viewer().cookies(signedBy(signingKey, "https://gallery.example.org/*", b -> b)).get("/"));
        // One audience's set opens its prefix and nothing else, as the login function scopes them.
        assertLoginPage(viewer().cookies(signedBy(signingKey, "https://" + host() + "/a/everyone/*", b -> b)).get("/"));
        viewer().cookies(signedBy(signingKey, "https://" + host() + "/a/everyone/*", b -> b)).get(PHOTO_PATH).then().statusCode(200);
        assertLoginPage(viewer().cookies(signedBy(signingKey, "https://" + host() + "/a/family/*", b -> b)).get(PHOTO_PATH));
        assertLoginPage(viewer().cookies(signedBy(signingKey, "https://" + host() + "/a/every*", b -> b)).get("/a/family/x.jpg"));
        assertLoginPage(viewer().cookies(signedBy(signingKey, "https://" + host() + "/v/abc/*", b -> b)).get("/v/abd/index.html"));
        assertLoginPage(viewer().cookies(signedBy(signingKey, "https://" + host() + "/*",
                b -> b.activeDate(CLOCK.instant().plusSeconds(60)))).get("/"));
        viewer().cookies(signedBy(signingKey, "https://" + host() + "/*", b -> b.ipRange("127.0.0.0/8"))).get("/").then().statusCode(200);
        assertLoginPage(viewer().cookies(signedBy(signingKey, "https://" + host() + "/*", b -> b.ipRange("198.51.100.0/24"))).get("/"));
    }

    @Test
    void aKeyOutsideTheKeyGroupIsRefused() {
        LocalSigningKey stranger = LocalSigningKey.generate();
        assertLoginPage(viewer().cookies(signedBy(stranger, "https://" + host() + "/*", b -> b)).get("/"));
        Map<String, String> cookies = new LinkedHashMap<>(signIn());
        cookies.put("CloudFront-Key-Pair-Id", stranger.keyPairId());
        assertLoginPage(viewer().cookies(cookies).get(HOME_PATH));
    }

    @Test
    void aBodyWithoutItsHashNeverReachesTheLoginFunction() {
        String body = "username=ann&password=" + encode(ANN_PASSWORD);
        int before = login.eventCount();
        assertLoginPage(viewer().contentType("application/x-www-form-urlencoded").body(body).post("/login"));
        assertLoginPage(viewer().contentType("application/x-www-form-urlencoded").header("x-amz-content-sha256", sha256Hex(body + "&"))
                .body(body).post("/login"));
        assertLoginPage(viewer().contentType("application/x-www-form-urlencoded")
                .header("x-amz-content-sha256", sha256Hex(body).toUpperCase(java.util.Locale.ROOT)).body(body).post("/login"));
        // Only the login page itself was fetched, for the error response.
        for (int i = before; i < login.eventCount(); i++) {
            assertEquals("GET", login.event(i).path("requestContext").path("http").path("method").asText());
        }
        assertEquals(303, form(body).post("/login").statusCode());
    }

    @Test
    void signingOutTakesAPostAndClearsTheCookies() {
        Response signedIn = postLogin(ANN, ANN_PASSWORD, "/");
        String session = signedIn.headers().getValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("gallery-session="))
                .map(cookie -> cookie.substring("gallery-session=".length(), cookie.indexOf(';'))).findFirst().orElseThrow();
        Response asked = viewer().cookie("gallery-session", session).get("/logout");
        assertEquals(200, asked.statusCode());
        assertTrue(asked.headers().getValues("Set-Cookie").isEmpty(), "a link from anywhere cannot sign anyone out");
        Response response = form("").cookie("gallery-session", session).post("/login/logout");
        assertEquals(303, response.statusCode());
        assertEquals("/login", response.header("Location"));
        List<String> cleared = response.headers().getValues("Set-Cookie");
        for (String path : List.of("/", "/" + VIEW, "/a/everyone/")) {
            assertTrue(cleared.contains("CloudFront-Policy=; Path=" + path + "; Secure; HttpOnly; SameSite=Lax; Max-Age=0"), cleared.toString());
        }
        assertTrue(cleared.stream().anyMatch(cookie -> cookie.startsWith("gallery-session=;") && cookie.contains("Max-Age=0")), cleared.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", "/\\evil.example", "http:evil.example", "/%2F/evil.example", "\t//evil.example"})
    void openRedirectsGoHome(String next) {
        Response response = postLogin(ANN, ANN_PASSWORD, next);
        assertEquals(303, response.statusCode());
        assertEquals(HOME_PATH, response.header("Location"));
    }

    @Test
    void repeatedFailuresLockTheAccountUntilTheLockoutEnds() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(401, postLogin(ANN, "wrong " + attempt, "/").statusCode());
        }
        Response locked = postLogin(ANN, ANN_PASSWORD, "/");
        assertEquals(429, locked.statusCode());
        assertTrue(locked.asString().contains("Too many failed attempts"), locked.asString());
        assertTrue(locked.headers().getValues("Set-Cookie").isEmpty());
        // A viewer cannot pose as another address: the gateway writes CloudFront-Viewer-Address itself.
        assertEquals(429, form("username=ann&password=" + encode(ANN_PASSWORD)).header("CloudFront-Viewer-Address", "203.0.113.9:4000")
                .post("/login").statusCode());
        CLOCK.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(303, postLogin(ANN, ANN_PASSWORD, "/").statusCode());
    }

    @Test
    void theLoginOriginGetsWhatItsOriginRequestPolicyAllows() {
        form("username=ann&password=nope").cookie("session", "x").header("X-Secret", "y")
                .header("CloudFront-Viewer-Address", "203.0.113.9:4000").post("/login?next=%2Fa%2F&x=1&x=2");
        JsonNode event = login.lastEvent();
        assertEquals("2.0", event.path("version").asText());
        assertEquals("/login", event.path("rawPath").asText());
        assertEquals("next=%2Fa%2F&x=1&x=2", event.path("rawQueryString").asText());
        assertEquals("/a/", event.path("queryStringParameters").path("next").asText());
        assertEquals("1,2", event.path("queryStringParameters").path("x").asText());
        assertEquals("POST", event.path("requestContext").path("http").path("method").asText());
        JsonNode headers = event.path("headers");
        assertTrue(headers.path("cloudfront-viewer-address").asText().startsWith("127.0.0.1:"), headers.toString());
        assertEquals(host(), headers.path("x-gallery-host").asText());
        assertTrue(headers.path("x-secret").isMissingNode(), headers.toString());
        assertTrue(headers.path("cookie").isMissingNode() && event.path("cookies").isMissingNode(), event.toString());
        assertTrue(event.path("isBase64Encoded").asBoolean());
        assertEquals("username=ann&password=nope",
                new String(Base64.getDecoder().decode(event.path("body").asText()), StandardCharsets.UTF_8));
        // A viewer cannot choose the cookies' domain either: the viewer-request function overwrites it.
        viewer().header("x-gallery-host", "evil.example").get("/login");
        assertEquals(host(), login.lastEvent().path("headers").path("x-gallery-host").asText());
        // Only /login runs the viewer-request function.
        viewer().get("/logout");
        assertTrue(login.lastEvent().path("headers").path("x-gallery-host").isMissingNode());
    }
}
