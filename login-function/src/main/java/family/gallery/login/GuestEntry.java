package family.gallery.login;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import family.gallery.accounts.ShareLinks;
import family.gallery.ingest.logging.LogLine;

/**
 * A guest link opened ({@code GET /login/share/<token>}): throttled by the visitor's address like a
 * password, since a wrong token is a guess; a valid link gives the cookie set of its own prefix and a
 * session that lasts as long as the link. One JSON line per attempt, never the secret.
 */
public final class GuestEntry {

    public sealed interface Outcome {
    }

    public record Opened(List<String> cookies, String location) implements Outcome {
    }

    /** Malformed, forged, revoked or long gone: one answer. */
    public record Unknown() implements Outcome {
    }

    public record Expired(Instant expired) implements Outcome {
    }

    /** The album is no longer on the site (deleted, renamed or hidden). */
    public record AlbumGone() implements Outcome {
    }

    /** The link is newer than the last site build, which publishes its pages. */
    public record Preparing() implements Outcome {
    }

    public record Locked(Duration retryAfter) implements Outcome {
    }

    private final ShareLinks links;
    private final LoginThrottle throttle;
    private final SignedCookies cookies;
    private final Sessions sessions;
    private final Consumer<String> record;

    public GuestEntry(ShareLinks links, LoginThrottle throttle, SignedCookies cookies, Sessions sessions,
            Consumer<String> record) {
        this.links = links;
        this.throttle = throttle;
        this.cookies = cookies;
        this.sessions = sessions;
        this.record = record;
    }

    public Outcome open(String token, String clientAddress, String host) {
        LoginThrottle.Admission admission = throttle.admitAddress(clientAddress);
        if (admission instanceof LoginThrottle.Locked locked) {
            return recorded(new Locked(locked.retryAfter()), "", clientAddress);
        }
        ShareLinks.Opened opened = links.open(token);
        if (opened instanceof ShareLinks.Unknown) {
            return recorded(new Unknown(), "", clientAddress);
        }
        // The secret was right: whatever the link's state, it was no guess.
        throttle.succeeded((LoginThrottle.Admitted) admission);
        if (opened instanceof ShareLinks.Expired expired) {
            return recorded(new Expired(expired.share().expires()), expired.share().id(), clientAddress);
        }
        ShareLinks.Share share = ((ShareLinks.Valid) opened).share();
        if (share.published().isEmpty()) {
            return recorded(new Preparing(), share.id(), clientAddress);
        }
        if (!share.published().get()) {
            return recorded(new AlbumGone(), share.id(), clientAddress);
        }
        links.recordUse(share.id());
        SiteEntry entry = SiteEntry.guest(share);
        List<String> issued = new ArrayList<>(cookies.issue(host, entry.prefixes(), share.expires()));
        issued.add(sessions.issue(Sessions.Kind.GUEST, share.id(), share.expires()));
        return recorded(new Opened(issued, entry.home()), share.id(), clientAddress);
    }

    private Outcome recorded(Outcome outcome, String share, String clientAddress) {
        String name = outcome instanceof Opened ? "opened"
                : outcome instanceof Unknown ? "unknown"
                : outcome instanceof Expired ? "expired"
                : outcome instanceof AlbumGone ? "unpublished"
                : outcome instanceof Preparing ? "preparing" : "locked";
        record.accept(LogLine.of("share").with("outcome", name).with("share", share)
                .with("network", ClientAddress.network(clientAddress)).toString());
        return outcome;
    }
}
