package family.gallery.localaws;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The access key the local S3 accepts, and that the stack gives its clients, its functions and the
 * upload command it prints. Made at random for each data folder and kept there (readable by its
 * owner alone), so a restart keeps it while no other data folder, program or web page knows it; a
 * stack that keeps nothing gets a pair of its own.
 */
public record LocalCredentials(String accessKeyId, String secretAccessKey) {

    static final String FILE = "credentials.properties";
    private static final String ACCESS_KEY_ID = "accessKeyId";
    private static final String SECRET_ACCESS_KEY = "secretAccessKey";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** A new pair shaped like AWS's: a 20-character key id and a 40-character secret. */
    public static LocalCredentials random() {
        return new LocalCredentials("LOCAL" + randomText(UPPER, 15), randomText(MIXED, 40));
    }

    /** The pair kept in {@code dataDirectory}, made and written there the first time. */
    public static LocalCredentials keptIn(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                return read(file);
            }
            LocalCredentials made = random();
            Files.createDirectories(dataDirectory);
            Properties properties = new Properties();
            properties.setProperty(ACCESS_KEY_ID, made.accessKeyId());
            properties.setProperty(SECRET_ACCESS_KEY, made.secretAccessKey());
            // Written aside and moved into place, so a crash never leaves half a pair behind.
            Path partial = Files.createTempFile(dataDirectory, FILE, ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(writer, "The local stack's access key: S3 accepts only requests signed with it");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local credentials in " + file, e);
        }
    }

    private static LocalCredentials read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String id = properties.getProperty(ACCESS_KEY_ID, "").trim();
        String secret = properties.getProperty(SECRET_ACCESS_KEY, "").trim();
        if (id.isEmpty() || secret.isEmpty()) {
            throw new LocalAwsException(file + " lacks " + (id.isEmpty() ? ACCESS_KEY_ID : SECRET_ACCESS_KEY)
                    + ": delete the file and a new access key is made at the next start");
        }
        return new LocalCredentials(id, secret);
    }

    private static String randomText(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Never prints the secret (a record would). */
    @Override
    public String toString() {
        return "LocalCredentials[" + accessKeyId + "]";
    }
}
