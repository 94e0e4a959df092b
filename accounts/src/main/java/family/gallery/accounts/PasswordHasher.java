package family.gallery.accounts;

import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

/**
 * bcrypt hashes of viewer passwords. New hashes are {@code $2b$} at {@link #DEFAULT_COST}; any
 * {@code $2a$}, {@code $2b$} or {@code $2y$} hash verifies, so Apache {@code htpasswd -B} files can be
 * imported as they are.
 */
public final class PasswordHasher {

    /**
     * 2^11 rounds: about 0.1 s on one core of a current server, so a login stays well under a
     * second on a small Lambda while an offline guesser gets a few guesses per second per core.
     */
    public static final int DEFAULT_COST = 11;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final int cost;
    private final BCrypt.Hasher hasher;
    // bcrypt reads at most 72 bytes; longer input is cut there, as Apache's htpasswd does.
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.truncate(VERSION));

    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    public PasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between " + BCrypt.MIN_COST + " and " + BCrypt.MAX_COST);
        }
        this.cost = cost;
        this.hasher = BCrypt.with(VERSION, new SecureRandom(), LongPasswordStrategies.truncate(VERSION));
    }

    public int cost() {
        return cost;
    }

    public String hash(char[] password) {
        return hasher.hashToString(cost, password);
    }

    /** False for a wrong password and for anything that is not a bcrypt hash. */
    public boolean verify(char[] password, String hash) {
        return isBcrypt(hash) && verifyer.verify(password, hash).verified;
    }

    /** Whether a stored hash is cheaper than hashes made now, so that it is worth replacing. */
    public boolean isWeakerThanCurrent(String hash) {
        return costOf(hash) < cost;
    }

    public static boolean isBcrypt(String hash) {
        int cost = hash == null ? -1 : costOf(hash);
        return cost >= BCrypt.MIN_COST && cost <= BCrypt.MAX_COST;
    }

    /**
     * The most a stored hash may cost: 2^14 rounds take about a second on a small Lambda. A costlier
     * hash from elsewhere would let anyone who types its name keep the login function busy.
     */
    public static final int MAX_IMPORTED_COST = 14;

    /** Checks a hash from elsewhere (an htpasswd file) before it is stored. */
    public static String requireBcrypt(String hash, String where) {
        if (!isBcrypt(hash)) {
            throw new AccountException.UnsupportedHash(where);
        }
        if (costOf(hash) > MAX_IMPORTED_COST) {
            throw new AccountException.CostlyHash(where, costOf(hash), MAX_IMPORTED_COST);
        }
        return hash;
    }

    /** The bcrypt cost of a hash; -1 when it is not one. */
    public static int costOf(String hash) {
        Matcher matcher = BCRYPT.matcher(hash);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
