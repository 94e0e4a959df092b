package family.gallery.localaws.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Policies signed here with plain JDK crypto, checked as CloudFront checks them. */
class SignedCookieVerifierTest {

    private static final LocalSigningKey KEY = LocalSigningKey.generate();
    private static final Map<String, TrustedKeys.Key> TRUSTED = Map.of(KEY.keyPairId(), new TrustedKeys.Key(KEY.keyPairId(), KEY.publicKey()));
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    private static final String URL = "https://gallery.example.org/albums/x/index.html";

    private static String cloudFrontBase64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes).replace('+', '-').replace('=', '_').replace('/', '~');
    }

    private static Map<String, String> cookies(String policy) {
        try {
            Signature signer = Signature.getInstance("SHA1withRSA");
            signer.initSign(KEY.privateKey());
            byte[] bytes = policy.getBytes(StandardCharsets.UTF_8);
            signer.update(bytes);
            return Map.of("CloudFront-Policy", cloudFrontBase64(bytes), "CloudFront-Signature", cloudFrontBase64(signer.sign()),
                    "CloudFront-Key-Pair-Id", KEY.keyPairId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> check(String statement, String clientIp) {
        return SignedCookieVerifier.refusal(cookies("{\"Statement\":[" + statement + "]}"), TRUSTED, URL, clientIp, NOW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001}}} | 198.51.100.7 | true",
        "{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000000}}} | 198.51.100.7 | false",
        "{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{}} | 198.51.100.7 | false",
        "{\"Resource\":\"https://gallery.example.org/albums/?/index.html\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001}}} | 198.51.100.7 | true",
        "{\"Resource\":\"https://gallery.example.org/media/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001}}} | 198.51.100.7 | false",
        "{\"Resource\":\"https://gallery.example.org.evil.example/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001}}} | 198.51.100.7 | false",
        "{\"Resource\":\"http://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001}}} | 198.51.100.7 | false",
        "{\"Resource\":\"https://*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001}}} | 198.51.100.7 | true",
        "{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001}}} | 198.51.100.7 | true",
        "{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001},\"DateGreaterThan\":{\"AWS:EpochTime\":1800000000}}} | 198.51.100.7 | true",
        "{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001},\"DateGreaterThan\":{\"AWS:EpochTime\":1800000001}}} | 198.51.100.7 | false",
        "{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001},\"IpAddress\":{\"AWS:SourceIp\":\"198.51.100.0/24\"}}} | 198.51.100.7 | true",
        "{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001},\"IpAddress\":{\"AWS:SourceIp\":\"198.51.100.0/25\"}}} | 198.51.100.200 | false",
        "{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001},\"IpAddress\":{\"AWS:SourceIp\":\"2001:db8::/32\"}}} | 2001:db8:1::5 | true",
        "{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001},\"IpAddress\":{\"AWS:SourceIp\":\"2001:db8::/32\"}}} | 198.51.100.7 | false",
        "{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":\"soon\"}}} | 198.51.100.7 | false",
    })
    void theStatementDecides(String statement, String clientIp, boolean opens) {
        assertEquals(opens, check(statement, clientIp).isEmpty(), () -> statement + " -> " + check(statement, clientIp));
    }

    @Test
    void exactlyOneStatementAndJsonAreRequired() {
        String statement = "{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001}}}";
        assertTrue(check(statement + "," + statement, "198.51.100.7").isPresent());
        assertTrue(SignedCookieVerifier.refusal(cookies("not json"), TRUSTED, URL, "198.51.100.7", NOW).isPresent());
        assertTrue(SignedCookieVerifier.refusal(cookies("{\"Statement\":{}}"), TRUSTED, URL, "198.51.100.7", NOW).isPresent());
    }

    @Test
    void theStandardBase64AlphabetIsNotCloudFronts() {
        Map<String, String> cookies = new java.util.HashMap<>(cookies(
                "{\"Statement\":[{\"Resource\":\"https://gallery.example.org/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1800000001}}}]}"));
        assertTrue(SignedCookieVerifier.refusal(cookies, TRUSTED, URL, "198.51.100.7", NOW).isEmpty());
        String standard = cookies.get("CloudFront-Signature").replace('-', '+').replace('_', '=').replace('~', '/');
        // A 2048-bit signature is 256 bytes: its base64 ends in '=', which CloudFront writes as '_'.
        cookies.put("CloudFront-Signature", standard);
        assertTrue(SignedCookieVerifier.refusal(cookies, TRUSTED, URL, "198.51.100.7", NOW).isPresent());
    }

    @ParameterizedTest
    @CsvSource({"10.1.2.3, 10.0.0.0/8, true", "11.0.0.1, 10.0.0.0/8, false", "10.1.2.3, 10.1.2.3, true", "10.1.2.3, 10.1.2.3/33, false",
        "10.1.2.3, 0.0.0.0/0, true", "::1, ::1/128, true", "localhost, 127.0.0.0/8, false", "10.1.2.3, 10.0.0.0/x, false"})
    void addressBlocks(String ip, String cidr, boolean inside) {
        assertEquals(inside, SignedCookieVerifier.inBlock(ip, cidr));
    }
}
