package family.gallery.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordsTest {

    private final PasswordHasher hasher = new PasswordHasher(4);
    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void hashesVerifyOnlyTheirPassword() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertTrue(hash.startsWith("$2b$04$"), hash);
        assertTrue(hasher.verify("correct horse".toCharArray(), hash));
        assertFalse(hasher.verify("correct horsE".toCharArray(), hash));
        assertFalse(hasher.verify("".toCharArray(), hash));
        assertFalse(hasher.verify("correct horse".toCharArray(), "not a hash"));
        assertFalse(hasher.verify("correct horse".toCharArray(), null));
        assertTrue(new PasswordHasher(5).isWeakerThanCurrent(hash));
        assertFalse(hasher.isWeakerThanCurrent(hash));
    }

    @Test
    void verifiesHashesFromApacheHtpasswd() {
        // `htpasswd -nbB -C 5 ann 'correct horse'` (Apache 2.4) writes $2y$ hashes.
        String fromHtpasswd = "$2y$05$w2NUPXQENydQhFpycyxTquWBi9Gfv2O/aX2eLt5QnI9ttmLIn6pPW";
        assertTrue(hasher.verify("correct horse".toCharArray(), fromHtpasswd));
        assertFalse(hasher.verify("correct horse!".toCharArray(), fromHtpasswd));
        assertTrue(hasher.verify("correct horse".toCharArray(), "$2a" + fromHtpasswd.substring(3)), "$2a$ is the same algorithm");
    }

    @Test
    void passwordsLongerThanBcryptReadsAreCutNotRefused() {
        String seventyTwo = "x".repeat(72);
        String hash = hasher.hash(seventyTwo.toCharArray());
        assertTrue(hasher.verify((seventyTwo + "ignored").toCharArray(), hash));
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "123456789", "1234567890", "QwertyUiop", "aaaaaaaaaaaa", "ababababababab", "ann-is-the-best"})
    void refusesWeakPasswords(String password) {
        var refused = assertThrows(AccountException.WeakPassword.class, () -> policy.check(ViewerName.of("ann"), password.toCharArray()));
        assertTrue(refused.getMessage().startsWith("Password refused: "), refused.getMessage());
    }

    @Test
    void refusesPasswordsBcryptWouldCut() {
        var refused = assertThrows(AccountException.WeakPassword.class, () -> policy.check(ViewerName.of("ann"), "é".repeat(37).toCharArray()));
        assertTrue(refused.getMessage().contains("72 bytes"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "Été à la mer 2026", "tr0ub4dor&3x"})
    void acceptsReasonablePasswords(String password) {
        policy.check(ViewerName.of("ann"), password.toCharArray());
    }

    @Test
    void namesAreCaseInsensitiveAndRestricted() {
        assertEquals("ann.b@example.org", ViewerName.of("  Ann.B@Example.ORG ").value());
        for (String bad : new String[] {"", " ", "-ann", "ann smith", "ann/..", "ann#1", "a".repeat(65), "änn", "ann\u0000x"}) {
            assertEquals(Optional.empty(), ViewerName.parse(bad), bad);
        }
        assertEquals(Optional.empty(), ViewerName.parse(null));
        assertThrows(AccountException.InvalidName.class, () -> ViewerName.of("ann smith"));
    }
}
