package family.gallery.accounts;

import java.time.Instant;

/** One viewer as stored: the name, the bcrypt hash of the password and when each was set. */
public record ViewerAccount(ViewerName name, String passwordHash, Instant createdAt, Instant passwordChangedAt) {
}
