package family.gallery.localaws.edge;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks CloudFront's custom-policy signed cookies as CloudFront does: {@code CloudFront-Policy} and
 * {@code CloudFront-Signature} in CloudFront's URL-safe base64 ({@code -} for {@code +}, {@code _}
 * for {@code =}, {@code ~} for {@code /}), the signature RSA-SHA1 over the policy's bytes with the
 * public key that {@code CloudFront-Key-Pair-Id} names among the trusted ones, then the policy's one
 * statement: resource pattern, {@code DateLessThan}, and if present {@code DateGreaterThan} and
 * {@code IpAddress}.
 */
final class SignedCookieVerifier {

    static final String POLICY = "CloudFront-Policy";
    static final String SIGNATURE = "CloudFront-Signature";
    static final String KEY_PAIR_ID = "CloudFront-Key-Pair-Id";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLOUDFRONT_BASE64 = Pattern.compile("[A-Za-z0-9~_-]+");

    private SignedCookieVerifier() {
    }

    /** Why the request is refused, or empty when the cookies open {@code url}. */
    static Optional<String> refusal(Map<String, String> cookies, Map<String, TrustedKeys.Key> trustedByKeyPairId,
            String url, String clientIp, Instant now) {
        String policyCookie = cookies.get(POLICY);
        String signatureCookie = cookies.get(SIGNATURE);
        String keyPairId = cookies.get(KEY_PAIR_ID);
        if (policyCookie == null || signatureCookie == null || keyPairId == null) {
            return Optional.of("missing signed cookies");
        }
        TrustedKeys.Key key = trustedByKeyPairId.get(keyPairId);
        if (key == null) {
            return Optional.of("key pair id not in the trusted key groups");
        }
        byte[] policy;
        byte[] signature;
        try {
            policy = decode(policyCookie);
            signature = decode(signatureCookie);
        } catch (IllegalArgumentException e) {
            return Optional.of("cookie is not CloudFront base64");
        }
        if (!signatureMatches(policy, signature, key)) {
            return Optional.of("signature does not match the policy");
        }
        JsonNode statement;
        try {
            JsonNode statements = JSON.readTree(policy).path("Statement");
            if (!statements.isArray() || statements.size() != 1) {
                return Optional.of("policy must have exactly one statement");
            }
            statement = statements.get(0);
        } catch (java.io.IOException e) {
            return Optional.of("policy is not JSON");
        }
        return statementRefusal(statement, url, clientIp, now);
    }

    private static Optional<String> statementRefusal(JsonNode statement, String url, String clientIp, Instant now) {
        JsonNode resource = statement.path("Resource");
        if (!resource.isMissingNode() && !(resource.isTextual() && Wildcards.compile(resource.asText()).matcher(url).matches())) {
            return Optional.of("policy resource does not cover " + url);
        }
        JsonNode condition = statement.path("Condition");
        JsonNode lessThan = condition.path("DateLessThan").path("AWS:EpochTime");
        if (!lessThan.canConvertToLong() || now.getEpochSecond() >= lessThan.asLong()) {
            return Optional.of("policy expired or without DateLessThan");
        }
        JsonNode greaterThan = condition.path("DateGreaterThan").path("AWS:EpochTime");
        if (!greaterThan.isMissingNode() && (!greaterThan.canConvertToLong() || now.getEpochSecond() < greaterThan.asLong())) {
            return Optional.of("policy not valid yet");
        }
        JsonNode sourceIp = condition.path("IpAddress").path("AWS:SourceIp");
        if (!sourceIp.isMissingNode() && !(sourceIp.isTextual() && inBlock(clientIp, sourceIp.asText()))) {
            return Optional.of("client address outside the policy's IpAddress");
        }
        return Optional.empty();
    }

    /**
     * Only CloudFront's alphabet is read: a value in standard base64 means the issuer skipped the
     * substitution, which the gateway reports rather than guesses around.
     */
    static byte[] decode(String cloudFrontBase64) {
        if (!CLOUDFRONT_BASE64.matcher(cloudFrontBase64).matches()) {
            throw new IllegalArgumentException("not in CloudFront's base64 alphabet");
        }
        return Base64.getDecoder().decode(cloudFrontBase64.replace('-', '+').replace('_', '=').replace('~', '/'));
    }

    private static boolean signatureMatches(byte[] policy, byte[] signature, TrustedKeys.Key key) {
        try {
            Signature verifier = Signature.getInstance("SHA1withRSA");
            verifier.initVerify(key.publicKey());
            verifier.update(policy);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether {@code ip} lies in {@code cidr} (an address, or address/prefix); IPv4 and IPv6. */
    static boolean inBlock(String ip, String cidr) {
        int slash = cidr.indexOf('/');
        try {
            byte[] address = literal(ip);
            byte[] block = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            int bits = address.length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            if (address.length != block.length || prefix < 0 || prefix > bits) {
                return false;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, block).and(mask));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static byte[] literal(String ip) throws UnknownHostException {
        // Only literal addresses: a name would be looked up in DNS.
        if (ip == null || !ip.matches("[0-9A-Fa-f:.]+")) {
            throw new UnknownHostException("not an address literal");
        }
        return InetAddress.getByName(ip).getAddress();
    }
}
