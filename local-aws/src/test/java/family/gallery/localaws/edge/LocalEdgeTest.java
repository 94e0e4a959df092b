package family.gallery.localaws.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;
import family.gallery.login.SignedCookies;
import family.gallery.login.SsmSigningKey;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The login function's environment from the template plus the local edge's: its own SSM reader gets
 * the generated key, and the cookies it signs with it open the site through the gateway.
 */
class LocalEdgeTest {

    private static LocalAws stack;
    private static LocalEdge edge;
    private static SsmClient ssm;
    private static Map<String, String> loginEnvironment;

    @BeforeAll
    static void start() {
        stack = LocalAws.start(LocalAwsConfig.forTests());
        edge = LocalEdge.start(stack, 0, 0);
        loginEnvironment = new LinkedHashMap<>(stack.functionEnvironment("LoginFunction"));
        loginEnvironment.putAll(edge.functionEnvironment());
        ssm = SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.of(loginEnvironment.get("AWS_REGION")))
                .endpointOverride(java.net.URI.create(loginEnvironment.get("AWS_ENDPOINT_URL_SSM")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        loginEnvironment.get("AWS_ACCESS_KEY_ID"), loginEnvironment.get("AWS_SECRET_ACCESS_KEY"))))
                .build();
        stack.s3().putObject(put -> put.bucket(stack.bucketName("WebBucket")).key("index.html").contentType("text/html"),
                RequestBody.fromString("home"));
    }

    @AfterAll
    static void stop() {
        if (ssm != null) {
            ssm.close();
        }
        if (edge != null) {
            edge.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theLoginFunctionsKeyReaderSignsCookiesTheGatewayTrusts() {
        SsmSigningKey key = new SsmSigningKey(ssm, loginEnvironment.get("SIGNING_KEY_PARAMETER"), loginEnvironment.get("KEY_PAIR_ID"));
        String host = "127.0.0.1:" + edge.gateway().endpoint().getPort();
        // One set for the whole site (the empty prefix), as a site-wide policy: the edge trusts the key it was made with.
        List<String> setCookies = new SignedCookies(key, Clock.systemUTC()).issue(host, List.of(""),
                java.time.Instant.now().plus(Duration.ofMinutes(5))).subList(3, 6);
        Map<String, String> cookies = EdgeGatewayTest.cookieValues(setCookies);
        assertEquals(loginEnvironment.get("KEY_PAIR_ID"), cookies.get("CloudFront-Key-Pair-Id"));
        given().baseUri(edge.gateway().endpoint().toString()).cookies(cookies).get("/").then().statusCode(200).body(equalTo("home"));
        given().baseUri(edge.gateway().endpoint().toString()).redirects().follow(false).get("/").then().statusCode(403);
    }

    @Test
    void theParameterStoreAnswersAsSsmDoes() {
        String name = loginEnvironment.get("SIGNING_KEY_PARAMETER");
        String decrypted = ssm.getParameter(get -> get.name(name).withDecryption(true)).parameter().value();
        String encrypted = ssm.getParameter(get -> get.name(name)).parameter().value();
        assertNotEquals(decrypted, encrypted);
        assertArrayEquals("-----BEGIN PRIVATE KEY-----".getBytes(), decrypted.substring(0, 27).getBytes());
        assertThrows(ParameterNotFoundException.class, () -> ssm.getParameter(get -> get.name(name + "-other")));
    }
}
