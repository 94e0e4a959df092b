package family.gallery.accounts;

/**
 * Keys of the login throttling items in the accounts table ({@code pk = THROTTLE#...}): written by
 * the login function, cleared by the admin tool's {@code unlock} and {@code reset-password}.
 */
public final class ThrottleKeys {

    public static final String PREFIX = "THROTTLE#";

    private ThrottleKeys() {
    }

    /** Wrong passwords for a name, typed on devices that never signed in as it. */
    public static String account(String name) {
        return PREFIX + "ACCOUNT#" + name;
    }

    /** Wrong passwords from one client address, whatever the name. */
    public static String address(String address) {
        return PREFIX + "ADDRESS#" + address;
    }

    /** Wrong passwords typed on one known device (a browser that signed in before). */
    public static String device(String deviceId) {
        return PREFIX + "DEVICE#" + deviceId;
    }
}
