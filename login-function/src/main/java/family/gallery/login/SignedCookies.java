package family.gallery.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;

/**
 * The three CloudFront signed cookies (custom policy for every path of the site, expiring after the
 * session duration), signed with the AWS SDK's CloudFront utilities.
 */
public final class SignedCookies {

    static final List<String> NAMES = List.of("CloudFront-Policy", "CloudFront-Signature", "CloudFront-Key-Pair-Id");
    private static final String ATTRIBUTES = "; Path=/; Secure; HttpOnly; SameSite=Lax";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::\\d{1,5})?");

    private final CloudFrontUtilities cloudFront = CloudFrontUtilities.create();
    private final SigningKeySource key;
    private final Duration session;
    private final Clock clock;

    public SignedCookies(SigningKeySource key, Duration session, Clock clock) {
        this.key = key;
        this.session = session;
        this.clock = clock;
    }

    /** {@code Set-Cookie} values that open {@code https://<host>/*} until the session ends. */
    public List<String> issue(String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("not a host name: " + host);
        }
        Instant expires = clock.instant().plus(session);
        CookiesForCustomPolicy cookies = cloudFront.getCookiesForCustomPolicy(request -> request
                .resourceUrl("https://" + host + "/*")
                .privateKey(key.privateKey())
                .keyPairId(key.keyPairId())
                .expirationDate(expires));
        String maxAge = "; Max-Age=" + session.toSeconds();
        return List.of(cookies.policyHeaderValue() + ATTRIBUTES + maxAge,
                cookies.signatureHeaderValue() + ATTRIBUTES + maxAge,
                cookies.keyPairIdHeaderValue() + ATTRIBUTES + maxAge);
    }

    /** {@code Set-Cookie} values that make the browser forget the three cookies. */
    public static List<String> cleared() {
        return NAMES.stream().map(name -> name + "=" + ATTRIBUTES + "; Max-Age=0").toList();
    }
}
