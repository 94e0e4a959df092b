package family.gallery.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import family.gallery.accounts.AccountException;
import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;

/**
 * Viewers from an Apache htpasswd file ({@code name:hash} per line). Only bcrypt entries
 * ({@code $2y$}, {@code $2a$}, {@code $2b$}) can be taken over; MD5 ({@code $apr1$}), SHA-1 and crypt
 * entries are reported, as are names that exist already and hashes so costly (over cost
 * {@value PasswordHasher#MAX_IMPORTED_COST}) that each sign-in would take seconds. Cheaper hashes than
 * ours ({@code htpasswd -B} uses cost 5) are replaced at the viewer's first sign-in, which the report
 * says. Imported viewers are marked as such in {@code list} until their password is reset, since
 * their passwords were never checked against the policy. Each line stands alone.
 */
public final class HtpasswdImport {

    public record Report(List<String> added, List<String> problems) {
    }

    private final ViewerAccounts accounts;

    public HtpasswdImport(ViewerAccounts accounts) {
        this.accounts = accounts;
    }

    public Report load(Path file) throws IOException {
        List<String> added = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file.getFileName() + " line " + (i + 1) + ": ";
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add(where + "not of the form name:hash");
                continue;
            }
            try {
                ViewerName name = ViewerName.of(line.substring(0, colon));
                String hash = PasswordHasher.requireBcrypt(line.substring(colon + 1), "the entry for " + name);
                accounts.addImported(name, hash);
                int cost = PasswordHasher.costOf(hash);
                added.add(cost < PasswordHasher.DEFAULT_COST
                        ? name.value() + " (bcrypt cost " + cost + ", replaced by cost " + PasswordHasher.DEFAULT_COST
                                + " at their first sign-in)"
                        : name.value());
            } catch (AccountException refused) {
                problems.add(where + refused.getMessage());
            }
        }
        return new Report(added, problems);
    }
}
