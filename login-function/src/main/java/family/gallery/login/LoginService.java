package family.gallery.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import family.gallery.accounts.ViewerAccount;
import family.gallery.accounts.ViewerName;
import family.gallery.ingest.logging.LogLine;

/**
 * One login attempt from form to outcome: throttle, check, sign; and one JSON line for the record
 * (outcome, the name as typed and normalised, the client's network, whether the browser was a known
 * device), never the password.
 */
public final class LoginService {

    public sealed interface Outcome {
    }

    public record SignedIn(List<String> cookies, String location) implements Outcome {
    }

    /** Wrong name or wrong password: deliberately one outcome. */
    public record Refused() implements Outcome {
    }

    public record Locked(Duration retryAfter) implements Outcome {
    }

    public record Incomplete() implements Outcome {
    }

    private final LoginThrottle throttle;
    private final CredentialCheck credentials;
    private final SignedCookies cookies;
    private final KnownDevices devices;
    private final Sessions sessions;
    private final Duration sessionLength;
    private final Clock clock;
    private final Consumer<String> record;

    /**
     * @param sessionLength how long a sign-in lasts, renewing its hour-long cookies
     * @param record        where the line for each attempt goes (the log)
     */
    public LoginService(LoginThrottle throttle, CredentialCheck credentials, SignedCookies cookies, KnownDevices devices,
            Sessions sessions, Duration sessionLength, Clock clock, Consumer<String> record) {
        this.throttle = throttle;
        this.credentials = credentials;
        this.cookies = cookies;
        this.devices = devices;
        this.sessions = sessions;
        this.sessionLength = sessionLength;
        this.clock = clock;
        this.record = record;
    }

    /** @param requestCookies the cookies the browser sent ({@code name=value}), of which the known-device one counts */
    public Outcome login(LoginForm form, String clientAddress, String host, List<String> requestCookies) {
        try {
            if (!form.isComplete()) {
                return recorded(new Incomplete(), "", clientAddress, false);
            }
            Optional<ViewerName> name = ViewerName.parse(form.username());
            // Names that cannot exist are throttled too, by what was typed, so they look like any other.
            String typed = form.username().strip().toLowerCase(Locale.ROOT);
            String account = name.map(ViewerName::value).orElse(typed.substring(0, Math.min(typed.length(), ViewerName.MAX_LENGTH)));
            Optional<String> device = name.flatMap(viewer -> devices.recognise(requestCookies, viewer.value()));
            LoginThrottle.Admission admission = throttle.admit(account, clientAddress, device);
            if (admission instanceof LoginThrottle.Locked locked) {
                return recorded(new Locked(locked.retryAfter()), account, clientAddress, device.isPresent());
            }
            Optional<ViewerAccount> viewer = credentials.check(name, form.password());
            if (viewer.isEmpty()) {
                return recorded(new Refused(), account, clientAddress, device.isPresent());
            }
            throttle.succeeded((LoginThrottle.Admitted) admission);
            SiteEntry entry = SiteEntry.viewer(viewer.get());
            Instant sessionEnds = clock.instant().plus(sessionLength);
            List<String> issued = new ArrayList<>(cookies.issue(host, entry.prefixes(), sessionEnds));
            issued.add(sessions.issue(Sessions.Kind.VIEWER, account, sessionEnds));
            issued.add(devices.issue(account, device));
            String next = RedirectTarget.sanitise(form.next());
            return recorded(new SignedIn(issued, entry.opens(next) ? next : entry.home()), account, clientAddress,
                    device.isPresent());
        } finally {
            Arrays.fill(form.password(), '\0');
        }
    }

    private Outcome recorded(Outcome outcome, String account, String clientAddress, boolean knownDevice) {
        String name = outcome instanceof SignedIn ? "signed-in"
                : outcome instanceof Refused ? "refused"
                : outcome instanceof Locked ? "locked" : "incomplete";
        record.accept(LogLine.of("login").with("outcome", name).with("name", account)
                .with("network", ClientAddress.network(clientAddress)).with("knownDevice", knownDevice).toString());
        return outcome;
    }
}
