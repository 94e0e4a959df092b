package family.gallery.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A viewer's login name. Names are compared without regard to case, so they are kept in lower case;
 * letters, digits and {@code . _ @ + -} allow e-mail addresses as names.
 */
public record ViewerName(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0," + (MAX_LENGTH - 1) + "}");

    public ViewerName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new AccountException.InvalidName(value);
        }
    }

    /** The name as an operator or viewer typed it: surrounding blanks and case do not matter. */
    public static ViewerName of(String typed) {
        return new ViewerName(typed == null ? null : typed.strip().toLowerCase(Locale.ROOT));
    }

    /** For input that may be anything (a login form): empty when it cannot be a viewer's name. */
    public static Optional<ViewerName> parse(String typed) {
        try {
            return Optional.of(of(typed));
        } catch (AccountException.InvalidName invalid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
