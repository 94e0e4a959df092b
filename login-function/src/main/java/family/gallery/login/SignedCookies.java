package family.gallery.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;

/**
 * CloudFront signed cookies (custom policy), signed with the AWS SDK's CloudFront utilities: one set
 * of three per prefix of the site the visitor may open, each with that prefix as its {@code Path} and
 * its policy's resource, so a browser sends each set only where it applies and CloudFront opens
 * nothing else with it.
 */
public final class SignedCookies {

    /**
     * How long a set opens its prefix. Short, so a viewer removed from a group or a revoked guest link
     * loses access within it; the session cookie renews the sets silently meanwhile.
     */
    static final Duration LIFETIME = Duration.ofHours(1);
    static final List<String> NAMES = List.of("CloudFront-Policy", "CloudFront-Signature", "CloudFront-Key-Pair-Id");
    private static final String ATTRIBUTES = "; Secure; HttpOnly; SameSite=Lax";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::\\d{1,5})?");

    private final CloudFrontUtilities cloudFront = CloudFrontUtilities.create();
    private final SigningKeySource key;
    private final Clock clock;

    public SignedCookies(SigningKeySource key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /**
     * {@code Set-Cookie} values that open {@code https://<host>/<prefix>*} for each prefix, for an hour
     * or until {@code notAfter} if sooner; and that make the browser forget the site-wide set of
     * earlier versions, which would otherwise travel with every request.
     */
    public List<String> issue(String host, List<String> prefixes, Instant notAfter) {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("not a host name: " + host);
        }
        Instant expires = Collections.min(List.of(clock.instant().plus(LIFETIME), notAfter));
        String maxAge = "; Max-Age=" + Math.max(0, Duration.between(clock.instant(), expires).toSeconds());
        List<String> issued = new ArrayList<>(cleared(List.of()));
        for (String prefix : prefixes) {
            CookiesForCustomPolicy cookies = cloudFront.getCookiesForCustomPolicy(request -> request
                    .resourceUrl("https://" + host + "/" + prefix + "*")
                    .privateKey(key.privateKey())
                    .keyPairId(key.keyPairId())
                    .expirationDate(expires));
            String attributes = "; Path=/" + prefix + ATTRIBUTES + maxAge;
            issued.add(cookies.policyHeaderValue() + attributes);
            issued.add(cookies.signatureHeaderValue() + attributes);
            issued.add(cookies.keyPairIdHeaderValue() + attributes);
        }
        return issued;
    }

    /** {@code Set-Cookie} values that make the browser forget the sets of these prefixes, and the site-wide one. */
    public static List<String> cleared(List<String> prefixes) {
        List<String> paths = new ArrayList<>(List.of("/"));
        prefixes.forEach(prefix -> paths.add("/" + prefix));
        return paths.stream().flatMap(path -> NAMES.stream().map(name -> name + "=; Path=" + path + ATTRIBUTES + "; Max-Age=0"))
                .toList();
    }
}
