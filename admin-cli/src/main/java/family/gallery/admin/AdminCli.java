package family.gallery.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;

import family.gallery.accounts.AccountException;
import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.PasswordPolicy;
import family.gallery.accounts.ViewerAccount;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Viewer accounts from the operator's shell. The table comes from {@code --table} or
 * {@code ACCOUNTS_TABLE} (the stack's AccountsTableName output); credentials and region are the
 * AWS CLI's.
 */
@Command(name = "gallery-admin", mixinStandardHelpOptions = true,
        description = "Manage the viewers who may sign in to the gallery.",
        subcommands = {AdminCli.Add.class, AdminCli.Remove.class, AdminCli.ListViewers.class, AdminCli.ResetPassword.class,
                AdminCli.ImportHtpasswd.class})
public final class AdminCli {

    /** How a command reaches the table: from the options here, or given by a test. */
    final Function<TableOptions, ViewerAccounts> tables;
    final BufferedReader stdin;
    final Console console;

    AdminCli(Function<TableOptions, ViewerAccounts> tables, BufferedReader stdin, Console console) {
        this.tables = tables;
        this.stdin = stdin;
        this.console = console;
    }

    public static void main(String[] args) {
        AdminCli cli = new AdminCli(AdminCli::dynamoDbTable,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.console());
        System.exit(cli.commandLine().execute(args));
    }

    CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(this);
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            if (failure instanceof AccountException || failure instanceof IllegalArgumentException) {
                line.getErr().println(failure.getMessage());
                return 1;
            }
            throw failure;
        });
        return commandLine;
    }

    private static ViewerAccounts dynamoDbTable(TableOptions options) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (options.endpoint != null) {
            builder.endpointOverride(URI.create(options.endpoint));
        }
        return new ViewerAccounts(builder.build(), options.table(), Clock.systemUTC());
    }

    public static final class TableOptions {
        @Option(names = "--table", description = "The accounts table (default: $ACCOUNTS_TABLE).")
        String table;

        @Option(names = "--endpoint-url", description = "Another DynamoDB endpoint, e.g. the local stack's.")
        String endpoint;

        String table() {
            String name = table != null ? table : System.getenv("ACCOUNTS_TABLE");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Which table? Give --table or set ACCOUNTS_TABLE (the stack's AccountsTableName output).");
            }
            return name;
        }
    }

    /** Base of the commands: the table, the output streams and password input. */
    abstract static class TableCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        AdminCli cli;

        @Mixin
        TableOptions tableOptions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        ViewerAccounts accounts() {
            return cli.tables.apply(tableOptions);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** From stdin (one line, for scripts) or typed twice at the terminal without echo. */
        char[] newPassword(ViewerName name, boolean fromStdin) throws IOException {
            char[] password;
            if (fromStdin) {
                String line = cli.stdin.readLine();
                password = line == null ? new char[0] : line.toCharArray();
            } else {
                if (cli.console == null) {
                    throw new IllegalArgumentException("No terminal to ask for the password: use --password-stdin.");
                }
                password = cli.console.readPassword("New password for %s: ", name);
                char[] again = cli.console.readPassword("Once more: ");
                if (password == null || !Arrays.equals(password, again)) {
                    throw new IllegalArgumentException("The two passwords differ; nothing was changed.");
                }
            }
            PasswordPolicy.standard().check(name, password);
            return password;
        }

        static String hash(char[] password) {
            try {
                return new PasswordHasher().hash(password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** A command that sets a viewer's password: prompted twice, or read from standard input. */
    abstract static class PasswordCommand extends TableCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            ViewerName viewer = ViewerName.of(name);
            ViewerAccounts accounts = accounts();
            boolean exists = accounts.find(viewer).isPresent();
            if (exists != mustExist()) {
                throw exists ? new AccountException.DuplicateViewer(viewer) : new AccountException.UnknownViewer(viewer);
            }
            out().println(store(accounts, viewer, hash(newPassword(viewer, passwordStdin))));
            return 0;
        }

        abstract boolean mustExist();

        /** Stores the hash and says what was done. */
        abstract String store(ViewerAccounts accounts, ViewerName viewer, String passwordHash);
    }

    @Command(name = "add", description = "Add a viewer.")
    static final class Add extends PasswordCommand {
        @Override
        boolean mustExist() {
            return false;
        }

        @Override
        String store(ViewerAccounts accounts, ViewerName viewer, String passwordHash) {
            accounts.add(viewer, passwordHash);
            return "Added viewer " + viewer + ".";
        }
    }

    @Command(name = "remove", description = "Remove a viewer.")
    static final class Remove extends TableCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            ViewerName viewer = ViewerName.of(name);
            accounts().remove(viewer);
            out().println("Removed viewer " + viewer + ". Their sign-in lasts until its cookies expire; change KeyRotation to end every session now.");
            return 0;
        }
    }

    @Command(name = "list", description = "List the viewers.")
    static final class ListViewers extends TableCommand {
        @Override
        public Integer call() {
            var viewers = accounts().list();
            for (ViewerAccount viewer : viewers) {
                out().printf("%-40s added %s, password set %s%n", viewer.name(), viewer.createdAt(), viewer.passwordChangedAt());
            }
            out().println(viewers.size() + (viewers.size() == 1 ? " viewer" : " viewers"));
            return 0;
        }
    }

    @Command(name = "reset-password", description = "Give a viewer a new password.")
    static final class ResetPassword extends PasswordCommand {
        @Override
        boolean mustExist() {
            return true;
        }

        @Override
        String store(ViewerAccounts accounts, ViewerName viewer, String passwordHash) {
            accounts.changePassword(viewer, passwordHash);
            return "New password set for " + viewer + ".";
        }
    }

    @Command(name = "import-htpasswd", description = "Add the viewers of an Apache htpasswd file with bcrypt entries (htpasswd -B).")
    static final class ImportHtpasswd extends TableCommand {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            HtpasswdImport.Report report = new HtpasswdImport(accounts()).load(file);
            report.added().forEach(name -> out().println("Added viewer " + name + "."));
            report.problems().forEach(problem -> spec.commandLine().getErr().println(problem));
            out().println(report.added().size() + " added, " + report.problems().size() + " not imported");
            return report.problems().isEmpty() ? 0 : 1;
        }
    }
}
