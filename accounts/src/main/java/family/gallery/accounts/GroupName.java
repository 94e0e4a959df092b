package family.gallery.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A viewer group's name, as {@code album.yml} lists it under {@code viewers:} and the admin tool's
 * {@code group add} sets it. Kept in lower case; it is also a path segment of the published site
 * ({@code a/<group>/}), so only letters, digits, {@code _} and {@code -}. {@code everyone} is
 * reserved: it stands for every signed-in viewer.
 */
public record GroupName(String value) implements Comparable<GroupName> {

    public static final int MAX_LENGTH = 32;
    public static final String EVERYONE = "everyone";
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    public GroupName {
        if (value == null || !VALID.matcher(value).matches() || value.equals(EVERYONE)) {
            throw new AccountException.InvalidGroup(value);
        }
    }

    public static GroupName of(String typed) {
        return new GroupName(typed == null ? null : typed.strip().toLowerCase(Locale.ROOT));
    }

    /** For hand-written input (an album.yml): empty when it cannot be a group's name. */
    public static Optional<GroupName> parse(String typed) {
        try {
            return Optional.of(of(typed));
        } catch (AccountException.InvalidGroup invalid) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(GroupName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
