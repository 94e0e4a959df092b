package family.gallery.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;

/**
 * The preview's one viewer: {@value #NAME}, with a password made on the first start and kept in the
 * data directory (readable by its owner only), so the login printed stays the same across restarts.
 */
public record PreviewViewer(String name, String password) {

    public static final String NAME = "family";
    static final String PASSWORD_FILE = "viewer-password";
    /** No look-alike characters (0/O, 1/l/I), so the printed password is easy to type. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    static PreviewViewer ensure(Path dataDirectory, ViewerAccounts accounts) {
        ViewerName name = ViewerName.of(NAME);
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        try {
            if (Files.isRegularFile(file) && accounts.find(name).isPresent()) {
                return new PreviewViewer(NAME, Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            String password = newPassword();
            String hash = new PasswordHasher().hash(password.toCharArray());
            if (accounts.find(name).isPresent()) {
                accounts.changePassword(name, hash);
            } else {
                accounts.add(name, hash);
            }
            // Written aside and moved into place, so a crash never leaves an empty password behind.
            Path written = Files.createTempFile(dataDirectory, PASSWORD_FILE, ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(written, password + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new PreviewViewer(NAME, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the viewer's password in " + file, e);
        }
    }

    /** Three groups of four, e.g. {@code k7mp-3qxa-9dte}: about 62 bits. */
    private static String newPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
