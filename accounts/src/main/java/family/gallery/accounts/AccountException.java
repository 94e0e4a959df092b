package family.gallery.accounts;

/** A request about viewer accounts that cannot be carried out; the message is meant for the operator. */
public class AccountException extends RuntimeException {

    private AccountException(String message) {
        super(message);
    }

    public static final class InvalidName extends AccountException {
        InvalidName(String name) {
            super("Not a valid viewer name: \"" + name + "\". Use 1 to " + ViewerName.MAX_LENGTH
                    + " letters, digits or . _ @ + -, starting with a letter or digit.");
        }
    }

    public static final class DuplicateViewer extends AccountException {
        public DuplicateViewer(ViewerName name) {
            super("A viewer named \"" + name + "\" already exists.");
        }
    }

    public static final class UnknownViewer extends AccountException {
        public UnknownViewer(ViewerName name) {
            super("There is no viewer named \"" + name + "\".");
        }
    }

    public static final class WeakPassword extends AccountException {
        WeakPassword(String reason) {
            super("Password refused: " + reason);
        }
    }

    public static final class UnsupportedHash extends AccountException {
        UnsupportedHash(String what) {
            super("Not a bcrypt hash ($2a$, $2b$ or $2y$): " + what);
        }
    }

    public static final class CostlyHash extends AccountException {
        CostlyHash(String what, int cost, int limit) {
            super("bcrypt cost " + cost + " is above " + limit + ", so every sign-in would take too long: " + what
                    + "; add the viewer with a new password instead");
        }
    }

    public static final class InvalidGroup extends AccountException {
        InvalidGroup(String name) {
            super("Not a valid group name: \"" + name + "\". Use 1 to " + GroupName.MAX_LENGTH
                    + " letters, digits, _ or -, starting with a letter or digit; \"" + GroupName.EVERYONE
                    + "\" is reserved for every signed-in viewer.");
        }
    }

    public static final class InvalidShare extends AccountException {
        public InvalidShare(String reason) {
            super(reason);
        }
    }

    public static final class UnknownShare extends AccountException {
        public UnknownShare(String id) {
            super("There is no guest link with the id \"" + id + "\" (see: shares).");
        }
    }
}
