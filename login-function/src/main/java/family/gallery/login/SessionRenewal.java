package family.gallery.login;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;

/**
 * Renews the hour-long CloudFront cookies from the session cookie ({@code POST /login/refresh}),
 * and signs out ({@code POST /login/logout}). A viewer's groups and a guest link are read anew each
 * time, so a change reaches a browser within the hour; a removed viewer, a password changed since
 * the session began, an expired or revoked link, and {@code gallery-admin sign-out-everyone} end the session.
 */
public final class SessionRenewal {

    public sealed interface Outcome {
    }

    /** @param paths the cookies' paths, for the page to tell whether its own address is now open */
    public record Renewed(List<String> cookies, String location, List<String> paths) implements Outcome {
    }

    /** No session, or one that may not go on: the cookie is cleared. */
    public record Ended(List<String> cookies) implements Outcome {
    }

    private final Sessions sessions;
    private final SignedCookies cookies;
    private final ViewerAccounts viewers;
    private final ShareLinks links;
    private final Clock clock;

    public SessionRenewal(Sessions sessions, SignedCookies cookies, ViewerAccounts viewers, ShareLinks links, Clock clock) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.viewers = viewers;
        this.links = links;
        this.clock = clock;
    }

    public Outcome renew(List<String> requestCookies, String host) {
        Optional<Sessions.Session> session = sessions.read(requestCookies);
        Optional<SiteEntry> entry = session.flatMap(this::entry);
        if (entry.isEmpty()) {
            return new Ended(List.of(Sessions.cleared()));
        }
        return new Renewed(cookies.issue(host, entry.get().prefixes(), session.get().expires()), entry.get().home(),
                entry.get().paths());
    }

    /** Forgets the session and every cookie set it can name. */
    public List<String> signOut(List<String> requestCookies) {
        List<String> prefixes = sessions.read(requestCookies).flatMap(this::entry).map(SiteEntry::prefixes).orElse(List.of());
        List<String> cleared = new ArrayList<>(SignedCookies.cleared(prefixes));
        cleared.add(Sessions.cleared());
        return cleared;
    }

    /** What the request's session may open now, read anew as a renewal would; empty without a valid session. */
    public Optional<SiteEntry> entry(List<String> requestCookies) {
        return sessions.read(requestCookies).flatMap(this::entry);
    }

    private Optional<SiteEntry> entry(Sessions.Session session) {
        // The session's start has whole seconds: one begun in the second of the cut-off ends too.
        if (viewers.sessionsNotBefore().filter(cutOff -> !session.started().isAfter(cutOff)).isPresent()) {
            return Optional.empty();
        }
        if (session.kind() == Sessions.Kind.GUEST) {
            return links.find(session.subject())
                    .filter(share -> !share.expiredAt(clock.instant()) && !share.published().equals(Optional.of(false)))
                    .map(SiteEntry::guest);
        }
        return ViewerName.parse(session.subject()).flatMap(viewers::find)
                // A password set after the session began ends it (the session's start has whole seconds).
                .filter(account -> account.passwordChangedAt().isBefore(session.started().plusSeconds(1)))
                .map(SiteEntry::viewer);
    }
}
