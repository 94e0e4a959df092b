package family.gallery.login;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The "known device" cookie: after a sign-in, the browser gets a cookie, signed with the cookie
 * signing key, that names the account and a random device id. Attempts that carry it for the same
 * account are throttled on the device's own counter rather than the account's, so whoever guesses a
 * name's password from elsewhere locks out only themselves. Sent to {@code /login} only; a new
 * signing key (a rotation) makes every browser unknown again.
 */
public final class KnownDevices {

    static final String NAME = "gallery-device";
    static final Duration LIFETIME = Duration.ofDays(365);
    private static final String ATTRIBUTES = "; Path=/login; Secure; HttpOnly; SameSite=Strict; Max-Age=" + LIFETIME.toSeconds();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SigningKeySource key;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public KnownDevices(SigningKeySource key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** The device id of a valid cookie for this account among the request's cookies ({@code name=value} each). */
    public Optional<String> recognise(List<String> cookies, String account) {
        if (cookies == null) {
            return Optional.empty();
        }
        for (String cookie : cookies) {
            for (String pair : cookie.split(";")) {
                String trimmed = pair.strip();
                if (trimmed.startsWith(NAME + "=")) {
                    Optional<String> device = verify(trimmed.substring(NAME.length() + 1), account);
                    if (device.isPresent()) {
                        return device;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A {@code Set-Cookie} value that makes this browser known for the account: the device id it had, or a new one. */
    public String issue(String account, Optional<String> device) {
        String id = device.orElseGet(() -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
        String payload = ENCODER.encodeToString(String.join("|", "v1", account, id,
                Long.toString(clock.instant().getEpochSecond())).getBytes(StandardCharsets.UTF_8));
        return NAME + "=" + payload + "." + ENCODER.encodeToString(sign(payload)) + ATTRIBUTES;
    }

    private Optional<String> verify(String value, String account) {
        int dot = value.indexOf('.');
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
            String[] fields = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\|", -1);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(fields[3]));
            boolean current = fields[0].equals("v1") && fields[1].equals(account)
                    && issued.plus(LIFETIME).isAfter(clock.instant());
            return current ? Optional.of(fields[2]) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | GeneralSecurityException forged) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key.privateKey());
            signer.update(payload.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key cannot sign", e);
        }
    }

    private PublicKey publicKey() throws GeneralSecurityException {
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) key.privateKey();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(privateKey.getModulus(),
                privateKey.getPublicExponent()));
    }
}
