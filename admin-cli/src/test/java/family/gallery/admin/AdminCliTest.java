package family.gallery.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import family.gallery.accounts.LocalAccountsTable;
import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;
import picocli.CommandLine;

/** The admin commands against DynamoDB Local, as an operator or a script runs them. */
class AdminCliTest {

    private LocalAccountsTable table;
    private ViewerAccounts accounts;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void start() {
        table = new LocalAccountsTable();
        accounts = new ViewerAccounts(table.client(), table.name(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        table.close();
    }

    private Run run(String stdin, String... args) {
        AdminCli cli = new AdminCli(options -> {
            assertEquals(table.name(), options.table(), "the table named on the command line is the one used");
            return accounts;
        }, new BufferedReader(new StringReader(stdin)), null);
        CommandLine commandLine = cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private boolean passwordOf(String name, String password) {
        return new PasswordHasher().verify(password.toCharArray(), accounts.find(ViewerName.of(name)).orElseThrow().passwordHash());
    }

    @Test
    void addsListsResetsAndRemovesViewers() {
        Run added = run("correct horse battery\n", "add", "Ann", "--table", table.name(), "--password-stdin");
        assertEquals(0, added.exitCode(), added.err());
        assertEquals("Added viewer ann.\n", added.out());
        assertTrue(passwordOf("ann", "correct horse battery"));

        assertEquals(0, run("a long password for him\n", "add", "bob", "--table", table.name(), "--password-stdin").exitCode());
        Run list = run("", "list", "--table", table.name());
        assertEquals(0, list.exitCode());
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(0).startsWith("ann "), list.out());
        assertTrue(lines.get(1).startsWith("bob "), list.out());
        assertEquals("2 viewers", lines.get(2));

        Run reset = run("a new password here\n", "reset-password", "ANN", "--table", table.name(), "--password-stdin");
        assertEquals(0, reset.exitCode(), reset.err());
        assertTrue(passwordOf("ann", "a new password here"));
        assertFalse(passwordOf("ann", "correct horse battery"));

        Run removed = run("", "remove", "bob", "--table", table.name());
        assertEquals(0, removed.exitCode(), removed.err());
        assertTrue(accounts.find(ViewerName.of("bob")).isEmpty());
    }

    @Test
    void explainsWhatIsWrong() {
        run("correct horse battery\n", "add", "ann", "--table", table.name(), "--password-stdin");

        Run duplicate = run("another password 1\n", "add", "ann", "--table", table.name(), "--password-stdin");
        assertEquals(1, duplicate.exitCode());
        assertEquals("A viewer named \"ann\" already exists.\n", duplicate.err());
        assertTrue(passwordOf("ann", "correct horse battery"), "the existing account is untouched");

        Run missing = run("", "remove", "carol", "--table", table.name());
        assertEquals(1, missing.exitCode());
        assertEquals("There is no viewer named \"carol\".\n", missing.err());
        assertEquals(1, run("another password 1\n", "reset-password", "carol", "--table", table.name(), "--password-stdin").exitCode());

        Run weak = run("password123\n", "add", "dave", "--table", table.name(), "--password-stdin");
        assertEquals(1, weak.exitCode());
        assertEquals("Password refused: it is one of the most common passwords.\n", weak.err());
        assertTrue(accounts.find(ViewerName.of("dave")).isEmpty());

        Run shortOne = run("short\n", "reset-password", "ann", "--table", table.name(), "--password-stdin");
        assertTrue(shortOne.err().contains("at least 10 characters"), shortOne.err());
        assertTrue(passwordOf("ann", "correct horse battery"));

        Run badName = run("correct horse battery\n", "add", "ann smith", "--table", table.name(), "--password-stdin");
        assertEquals(1, badName.exitCode());
        assertTrue(badName.err().startsWith("Not a valid viewer name"), badName.err());

        Run noTerminal = run("", "add", "erin", "--table", table.name());
        assertEquals("No terminal to ask for the password: use --password-stdin.\n", noTerminal.err());

        Run unknownCommand = run("", "promote", "ann");
        assertEquals(2, unknownCommand.exitCode());
    }

    @Test
    void importsBcryptEntriesOfAnHtpasswdFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("htpasswd");
        htpasswd("-cbB", file, "ann", "ann's password");
        htpasswd("-bB", file, "Bob", "bob's password");
        htpasswd("-bm", file, "carol", "carol's password"); // MD5: cannot be taken over
        Files.writeString(file, Files.readString(file) + "# a comment\n\nnot an entry\n");
        run("correct horse battery\n", "add", "bob", "--table", table.name(), "--password-stdin");

        Run imported = run("", "import-htpasswd", file.toString(), "--table", table.name());
        assertEquals(1, imported.exitCode());
        assertTrue(imported.out().contains("Added viewer ann."), imported.out());
        assertTrue(imported.out().endsWith("1 added, 3 not imported\n"), imported.out());
        assertTrue(imported.err().contains("line 2: A viewer named \"bob\" already exists."), imported.err());
        assertTrue(imported.err().contains("line 3: Not a bcrypt hash"), imported.err());
        assertTrue(imported.err().contains("line 6: not of the form name:hash"), imported.err());

        assertTrue(passwordOf("ann", "ann's password"));
        assertTrue(passwordOf("bob", "correct horse battery"), "an existing viewer keeps their password");
        assertTrue(accounts.find(ViewerName.of("carol")).isEmpty());
    }

    /** Apache's own htpasswd tool writes the file, as an operator's old setup would have. */
    private static void htpasswd(String flags, Path file, String name, String password) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("htpasswd", flags, file.toString(), name, password).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }
}
