package family.gallery.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ThrottleKeys;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The viewer commands against the local stack's accounts table, as an operator or a script runs them. */
class AdminCliTest {

    private static LocalAws stack;
    private static ViewerAccounts accounts;
    private static String table;

    @BeforeAll
    static void start() {
        stack = LocalAws.start(LocalAwsConfig.forTests());
        table = stack.tableName("AccountsTable");
        accounts = new ViewerAccounts(stack.dynamoDb(), table, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void noViewers() {
        accounts.list().forEach(viewer -> accounts.remove(viewer.name()));
    }

    private CommandRun run(String stdin, String... args) {
        return CommandRun.of(LocalStackServices.of(stack), stdin, args);
    }

    private boolean passwordOf(String name, String password) {
        return new PasswordHasher().verify(password.toCharArray(), accounts.find(ViewerName.of(name)).orElseThrow().passwordHash());
    }

    @Test
    void addsListsResetsAndRemovesViewers() {
        CommandRun added = run("correct horse battery\n", "add", "Ann", "--table", table, "--password-stdin");
        assertEquals(0, added.exitCode(), added.err());
        assertEquals("Added viewer ann.\n", added.out());
        assertTrue(passwordOf("ann", "correct horse battery"));

        assertEquals(0, run("a long password for him\n", "add", "bob", "--table", table, "--password-stdin").exitCode());
        CommandRun list = run("", "list", "--table", table);
        assertEquals(0, list.exitCode());
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(0).startsWith("ann "), list.out());
        assertTrue(lines.get(1).startsWith("bob "), list.out());
        assertEquals("2 viewers", lines.get(2));

        // Wrong passwords from elsewhere locked the name; unlock and reset-password both lift the lock.
        String lock = ThrottleKeys.account("ann");
        lockOut(lock);
        CommandRun unlocked = run("", "unlock", "Ann", "--table", table);
        assertEquals("Unlocked ann: the next sign-in is checked at once.\n", unlocked.out());
        assertFalse(throttled(lock));
        lockOut(lock);
        CommandRun reset = run("a new password here\n", "reset-password", "ANN", "--table", table, "--password-stdin");
        assertEquals(0, reset.exitCode(), reset.err());
        assertEquals("New password set for ann; any lock on the name is lifted, and browsers signed in with the old one"
                + " lose access within the hour.\n", reset.out());
        assertTrue(passwordOf("ann", "a new password here"));
        assertFalse(passwordOf("ann", "correct horse battery"));
        assertFalse(throttled(lock));

        CommandRun removed = run("", "remove", "bob", "--table", table);
        assertEquals(0, removed.exitCode(), removed.err());
        assertTrue(accounts.find(ViewerName.of("bob")).isEmpty());
    }

    @Test
    void findsTheAccountsTableThroughTheStackUnlessOneIsNamed() {
        CommandRun added = run("correct horse battery\n", "add", "ann", "--password-stdin");
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(passwordOf("ann", "correct horse battery"), "the stack's AccountsTable, by default that of family-gallery");
        assertEquals("ann", run("", "list", "--stack", "family-gallery").out().lines().findFirst().orElseThrow().split(" ")[0]);

        CommandRun otherTable = run("", "list", "--table", "no-such-table");
        assertEquals(1, otherTable.exitCode());
        assertTrue(otherTable.err().startsWith("AWS refused or could not be reached: "), otherTable.err());
        assertEquals(1, otherTable.err().lines().count(), otherTable.err());

        CommandRun otherStack = run("", "list", "--stack", "family-gallery-test");
        assertEquals(1, otherStack.exitCode());
        assertEquals("There is no stack named \"family-gallery-test\" in this account and region: give --stack or set"
                + " GALLERY_STACK.\n", otherStack.err());
    }

    @Test
    void explainsWhatIsWrong() {
        run("correct horse battery\n", "add", "ann", "--table", table, "--password-stdin");

        CommandRun duplicate = run("another password 1\n", "add", "ann", "--table", table, "--password-stdin");
        assertEquals(1, duplicate.exitCode());
        assertEquals("A viewer named \"ann\" already exists.\n", duplicate.err());
        assertTrue(passwordOf("ann", "correct horse battery"), "the existing account is untouched");

        CommandRun missing = run("", "remove", "carol", "--table", table);
        assertEquals(1, missing.exitCode());
        assertEquals("There is no viewer named \"carol\".\n", missing.err());
        assertEquals(1, run("another password 1\n", "reset-password", "carol", "--table", table, "--password-stdin").exitCode());

        CommandRun weak = run("password123\n", "add", "dave", "--table", table, "--password-stdin");
        assertEquals(1, weak.exitCode());
        assertEquals("Password refused: it is one of the most common passwords.\n", weak.err());
        assertTrue(accounts.find(ViewerName.of("dave")).isEmpty());

        CommandRun shortOne = run("short\n", "reset-password", "ann", "--table", table, "--password-stdin");
        assertTrue(shortOne.err().contains("at least 10 characters"), shortOne.err());
        assertTrue(passwordOf("ann", "correct horse battery"));

        CommandRun badName = run("correct horse battery\n", "add", "ann smith", "--table", table, "--password-stdin");
        assertEquals(1, badName.exitCode());
        assertTrue(badName.err().startsWith("Not a valid viewer name"), badName.err());

        CommandRun noTerminal = run("", "add", "erin", "--table", table);
        assertEquals("No terminal to ask for the password: use --password-stdin.\n", noTerminal.err());

        CommandRun unknownCommand = run("", "promote", "ann");
        assertEquals(2, unknownCommand.exitCode());
    }

    @Test
    void importsBcryptEntriesOfAnHtpasswdFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("htpasswd");
        htpasswd("-cbB", file, "ann", "ann's password");
        htpasswd("-bB", file, "Bob", "bob's password");
        htpasswd("-bm", file, "carol", "carol's password"); // MD5: cannot be taken over
        Files.writeString(file, Files.readString(file) + "# a comment\n\nnot an entry\n"
                + "dave:" + new PasswordHasher(15).hash("dave's password".toCharArray()) + "\n");
        run("correct horse battery\n", "add", "bob", "--table", table, "--password-stdin");

        CommandRun imported = run("", "import-htpasswd", file.toString(), "--table", table);
        assertEquals(1, imported.exitCode());
        assertTrue(imported.out().contains("Added viewer ann (bcrypt cost 5, replaced by cost 11 at their first sign-in)."),
                imported.out());
        assertTrue(imported.out().contains("1 added, 4 not imported\nImported passwords were never checked against the"
                + " password policy; 'list' marks them until reset-password replaces them.\n"), imported.out());
        assertTrue(imported.err().contains("line 7: bcrypt cost 15 is above 14, so every sign-in would take too long:"
                + " the entry for dave; add the viewer with a new password instead"), imported.err());
        assertTrue(accounts.find(ViewerName.of("dave")).isEmpty());
        assertTrue(imported.err().contains("line 2: A viewer named \"bob\" already exists."), imported.err());
        assertTrue(imported.err().contains("line 3: Not a bcrypt hash"), imported.err());
        assertTrue(imported.err().contains("line 6: not of the form name:hash"), imported.err());

        assertTrue(passwordOf("ann", "ann's password"));
        assertTrue(passwordOf("bob", "correct horse battery"), "an existing viewer keeps their password");
        assertTrue(accounts.find(ViewerName.of("carol")).isEmpty());

        String listed = run("", "list", "--table", table).out();
        assertTrue(listed.contains("ann") && listed.contains(", imported from htpasswd and never checked against the password"
                + " policy (reset-password ann to set one that is)"), listed);
        assertEquals(1, listed.split("never checked", -1).length - 1, "bob's own password was checked: " + listed);
        assertEquals(0, run("a new passphrase\n", "reset-password", "ann", "--table", table,
                "--password-stdin").exitCode());
        assertFalse(run("", "list", "--table", table).out().contains("never checked"), "a reset password meets the policy");
    }

    /** A lock as the login function leaves it after five wrong passwords. */
    private void lockOut(String key) {
        stack.dynamoDb().putItem(put -> put.tableName(table).item(Map.of("pk", AttributeValue.fromS(key),
                "attempts", AttributeValue.fromN("5"), "expiresAt", AttributeValue.fromN("4102444800"))));
        assertTrue(throttled(key));
    }

    private boolean throttled(String key) {
        return stack.dynamoDb().getItem(get -> get.tableName(table).key(Map.of("pk", AttributeValue.fromS(key)))).hasItem();
    }

    /** Apache's own htpasswd tool writes the file, as an operator's old setup would have. */
    private static void htpasswd(String flags, Path file, String name, String password) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("htpasswd", flags, file.toString(), name, password).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }
}
