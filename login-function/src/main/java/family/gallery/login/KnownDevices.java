package family.gallery.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private final SignedValues signed;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public KnownDevices(SigningKeySource key, Clock clock) {
        this.signed = new SignedValues(key);
        this.clock = clock;
    }

    /** The device id of a valid cookie for this account among the request's cookies ({@code name=value} each). */
    public Optional<String> recognise(List<String> cookies, String account) {
        for (String value : SignedValues.named(cookies, NAME)) {
            Optional<String> device = signed.verify(value).filter(fields -> fields.size() == 4)
                    .filter(fields -> fields.get(0).equals("v1") && fields.get(1).equals(account))
                    .filter(fields -> issuedRecently(fields.get(3))).map(fields -> fields.get(2));
            if (device.isPresent()) {
                return device;
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
        return NAME + "=" + signed.sign("v1", account, id, Long.toString(clock.instant().getEpochSecond())) + ATTRIBUTES;
    }

    private boolean issuedRecently(String epochSecond) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(epochSecond)).plus(LIFETIME).isAfter(clock.instant());
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
