package family.gallery.login;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks issued cookies the way CloudFront documents it, with nothing but the JDK: undo CloudFront's
 * URL-safe base64 ({@code -} for {@code +}, {@code _} for {@code =}, {@code ~} for {@code /}) and
 * verify the SHA1withRSA signature over the policy JSON with the public key.
 */
final class CookieVerifier {

    private CookieVerifier() {
    }

    /** Cookie name to value, from {@code Set-Cookie} header values. */
    static Map<String, String> values(List<String> setCookies) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return values;
    }

    static String policy(Map<String, String> cookies) {
        return new String(decode(cookies.get("CloudFront-Policy")), StandardCharsets.UTF_8);
    }

    static boolean signatureMatches(Map<String, String> cookies, PublicKey publicKey) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA1withRSA");
        verifier.initVerify(publicKey);
        verifier.update(policy(cookies).getBytes(StandardCharsets.UTF_8));
        return verifier.verify(decode(cookies.get("CloudFront-Signature")));
    }

    static byte[] decode(String cloudFrontBase64) {
        return Base64.getDecoder().decode(cloudFrontBase64.replace('-', '+').replace('_', '=').replace('~', '/'));
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes).replace('+', '-').replace('=', '_').replace('/', '~');
    }
}
