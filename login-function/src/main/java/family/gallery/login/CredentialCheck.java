package family.gallery.login;

import java.security.SecureRandom;
import java.util.Optional;

import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ViewerAccount;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;

/**
 * Checks a name and password. A name without an account is checked against a dummy hash of the
 * same cost, so a wrong name takes as long as a wrong password and the answer tells nothing about
 * which names exist.
 */
public final class CredentialCheck {

    private final ViewerAccounts accounts;
    private final PasswordHasher hasher;
    private final String dummyHash;

    public CredentialCheck(ViewerAccounts accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
        char[] unguessable = new char[32];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < unguessable.length; i++) {
            unguessable[i] = (char) ('!' + random.nextInt(94));
        }
        this.dummyHash = hasher.hash(unguessable);
    }

    /** The viewer's account (with its groups) when the password is theirs; empty for a wrong name or password. */
    public Optional<ViewerAccount> check(Optional<ViewerName> name, char[] password) {
        Optional<ViewerAccount> account = name.flatMap(accounts::find);
        String hash = account.map(ViewerAccount::passwordHash).orElse(dummyHash);
        boolean matches = hasher.verify(password, hash) && account.isPresent();
        if (matches && hasher.isWeakerThanCurrent(hash)) {
            // Imported htpasswd hashes are often cheap; the right password lets us store a stronger one.
            accounts.upgradeHash(account.get().name(), hash, hasher.hash(password));
        }
        return matches ? account : Optional.empty();
    }
}
