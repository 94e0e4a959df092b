package family.gallery.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new viewer password must be: at least {@link #MIN_LENGTH} characters, at most
 * {@link #MAX_BYTES} bytes in UTF-8 (all that bcrypt reads), not one of the passwords every
 * guesser tries first, and not the viewer's name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new PasswordPolicy(reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws {@link AccountException.WeakPassword} saying what is wrong. */
    public void check(ViewerName name, char[] password) {
        String text = new String(password);
        if (text.codePointCount(0, text.length()) < MIN_LENGTH) {
            throw new AccountException.WeakPassword("use at least " + MIN_LENGTH + " characters.");
        }
        if (StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining() > MAX_BYTES) {
            throw new AccountException.WeakPassword("use at most " + MAX_BYTES + " bytes (bcrypt ignores the rest).");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.codePoints().distinct().count() < 3) {
            throw new AccountException.WeakPassword("use more than two different characters.");
        }
        if (common.contains(lower)) {
            throw new AccountException.WeakPassword("it is one of the most common passwords.");
        }
        if (lower.contains(name.value())) {
            throw new AccountException.WeakPassword("it contains the viewer's name.");
        }
    }
}
