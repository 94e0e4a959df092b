package family.gallery.login;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import family.gallery.accounts.ViewerName;

/** One login attempt from form to outcome: throttle, check, sign. */
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

    public LoginService(LoginThrottle throttle, CredentialCheck credentials, SignedCookies cookies, KnownDevices devices) {
        this.throttle = throttle;
        this.credentials = credentials;
        this.cookies = cookies;
        this.devices = devices;
    }

    /** @param requestCookies the cookies the browser sent ({@code name=value}), of which the known-device one counts */
    public Outcome login(LoginForm form, String clientAddress, String host, List<String> requestCookies) {
        try {
            if (!form.isComplete()) {
                return new Incomplete();
            }
            Optional<ViewerName> name = ViewerName.parse(form.username());
            // Names that cannot exist are throttled too, by what was typed, so they look like any other.
            String typed = form.username().strip().toLowerCase(Locale.ROOT);
            String account = name.map(ViewerName::value).orElse(typed.substring(0, Math.min(typed.length(), ViewerName.MAX_LENGTH)));
            Optional<String> device = name.flatMap(viewer -> devices.recognise(requestCookies, viewer.value()));
            LoginThrottle.Admission admission = throttle.admit(account, clientAddress, device);
            if (admission instanceof LoginThrottle.Locked locked) {
                return new Locked(locked.retryAfter());
            }
            if (!credentials.matches(name, form.password())) {
                return new Refused();
            }
            throttle.succeeded((LoginThrottle.Admitted) admission);
            List<String> issued = new java.util.ArrayList<>(cookies.issue(host));
            issued.add(devices.issue(name.orElseThrow().value(), device));
            return new SignedIn(issued, RedirectTarget.sanitise(form.next()));
        } finally {
            Arrays.fill(form.password(), '\0');
        }
    }
}
