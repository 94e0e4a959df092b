package family.gallery.login;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Cookie values only this function can have made: {@code base64url(fields).base64url(signature)},
 * the fields joined by {@code |} and signed (SHA256withRSA) with the cookie signing key, so a new key
 * (a rotation) invalidates them all.
 */
final class SignedValues {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SigningKeySource key;

    SignedValues(SigningKeySource key) {
        this.key = key;
    }

    String sign(String... fields) {
        String payload = ENCODER.encodeToString(String.join("|", fields).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key.privateKey());
            signer.update(payload.getBytes(StandardCharsets.US_ASCII));
            return payload + "." + ENCODER.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key cannot sign", e);
        }
    }

    /** The fields of a value this function signed, or empty for anything else. */
    Optional<List<String>> verify(String value) {
        int dot = value == null ? -1 : value.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, dot);
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey());
            verifier.update(payload.getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(DECODER.decode(value.substring(dot + 1)))) {
                return Optional.empty();
            }
            return Optional.of(List.of(new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\|", -1)));
        } catch (IllegalArgumentException | GeneralSecurityException forged) {
            return Optional.empty();
        }
    }

    /** The value of the first cookie of this name among the request's cookies ({@code name=value} each). */
    static List<String> named(List<String> cookies, String name) {
        if (cookies == null) {
            return List.of();
        }
        return cookies.stream().flatMap(cookie -> java.util.Arrays.stream(cookie.split(";"))).map(String::strip)
                .filter(pair -> pair.startsWith(name + "=")).map(pair -> pair.substring(name.length() + 1)).toList();
    }

    private PublicKey publicKey() throws GeneralSecurityException {
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) key.privateKey();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(privateKey.getModulus(),
                privateKey.getPublicExponent()));
    }
}
