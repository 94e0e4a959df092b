package family.gallery.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The session cookie ({@code gallery-session}): who signed in (a viewer, or a guest link's id),
 * when, and until when, signed with the cookie signing key and sent only to {@code /login}. The
 * CloudFront cookies last an hour; this one lets {@code /login/refresh} give out new ones, after
 * checking anew that the viewer or the link still may.
 */
public final class Sessions {

    static final String NAME = "gallery-session";
    private static final String ATTRIBUTES = "; Path=/login; Secure; HttpOnly; SameSite=Strict";

    public enum Kind {
        VIEWER, GUEST
    }

    /** @param subject the viewer's name, or the guest link's id */
    public record Session(Kind kind, String subject, Instant started, Instant expires) {
    }

    private final SignedValues signed;
    private final Clock clock;

    public Sessions(SigningKeySource key, Clock clock) {
        this.signed = new SignedValues(key);
        this.clock = clock;
    }

    /** A {@code Set-Cookie} value for a session starting now. */
    public String issue(Kind kind, String subject, Instant expires) {
        Instant now = clock.instant();
        return NAME + "=" + signed.sign("v1", kind.name().toLowerCase(Locale.ROOT), subject,
                Long.toString(now.getEpochSecond()), Long.toString(expires.getEpochSecond()))
                + ATTRIBUTES + "; Max-Age=" + Math.max(0, Duration.between(now, expires).toSeconds());
    }

    /** The session of a valid, unexpired cookie among the request's cookies. */
    public Optional<Session> read(List<String> cookies) {
        for (String value : SignedValues.named(cookies, NAME)) {
            Optional<Session> session = signed.verify(value).filter(fields -> fields.size() == 5 && fields.get(0).equals("v1"))
                    .flatMap(Sessions::parse).filter(candidate -> candidate.expires().isAfter(clock.instant()));
            if (session.isPresent()) {
                return session;
            }
        }
        return Optional.empty();
    }

    static String cleared() {
        return NAME + "=" + ATTRIBUTES + "; Max-Age=0";
    }

    private static Optional<Session> parse(List<String> fields) {
        try {
            return Optional.of(new Session(Kind.valueOf(fields.get(1).toUpperCase(Locale.ROOT)), fields.get(2),
                    Instant.ofEpochSecond(Long.parseLong(fields.get(3))), Instant.ofEpochSecond(Long.parseLong(fields.get(4)))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
