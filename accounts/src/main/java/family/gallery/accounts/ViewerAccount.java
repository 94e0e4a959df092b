package family.gallery.accounts;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One viewer as stored: the name, the bcrypt hash of the password, when each was set, the groups
 * the viewer belongs to (which decide the albums they see), and whether the password came from an
 * htpasswd file, so was never checked against the password policy.
 */
public record ViewerAccount(ViewerName name, String passwordHash, Instant createdAt, Instant passwordChangedAt,
        SortedSet<GroupName> groups, boolean passwordImported) {

    public ViewerAccount {
        groups = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(groups == null ? Set.of() : groups));
    }
}
