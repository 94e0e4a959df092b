package family.gallery.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
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
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The operator's tool: viewer accounts, and a look at the pipeline with ways to recover it. It
 * finds the tables, bucket and queues from the stack's resources ({@code --stack}, by default
 * {@code $GALLERY_STACK} or {@code family-gallery}) unless they are named on the command line;
 * credentials and region are the AWS CLI's. With {@code --preview} it works on a running preview.
 */
@Command(name = "gallery-admin", mixinStandardHelpOptions = true,
        description = "Manage the gallery's viewers, groups and guest links, see what the pipeline did and set it going again.",
        subcommands = {AdminCli.Add.class, AdminCli.Remove.class, AdminCli.ListViewers.class, AdminCli.ResetPassword.class,
                AdminCli.Unlock.class, AdminCli.SignOutEveryone.class, AdminCli.ImportHtpasswd.class, AccessCommands.Group.class, AccessCommands.Groups.class,
                AccessCommands.Share.class, AccessCommands.Unshare.class, AccessCommands.Shares.class,
                Status.class, Rebuild.class, Redrive.class, Reprocess.class})
public final class AdminCli {

    /** The AWS services for an endpoint ({@code --endpoint-url}, or null): the real ones, or a test's. */
    final Function<String, AwsServices> services;
    final BufferedReader stdin;
    final Console console;

    AdminCli(Function<String, AwsServices> services, BufferedReader stdin, Console console) {
        this.services = services;
        this.stdin = stdin;
        this.console = console;
    }

    public static void main(String[] args) {
        AdminCli cli = new AdminCli(AwsServices::sdk,
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
            if (failure instanceof SdkException) {
                line.getErr().println("AWS refused or could not be reached: " + failure.getMessage());
                return 1;
            }
            throw failure;
        });
        return commandLine;
    }

    /** Which stack, and where AWS is: every command takes these. */
    public static final class StackOptions {
        @Option(names = "--stack", description = "The stack whose resources are used (default: $GALLERY_STACK, else "
                + StackResources.DEFAULT_STACK + ").")
        String stack;

        @Option(names = "--endpoint-url", description = "One endpoint for every AWS service, e.g. a local emulator's.")
        String endpoint;

        @Option(names = "--preview", paramLabel = "DATA_DIR",
                description = "Work on the running ./gallery preview whose data folder this is, instead of AWS.")
        Path preview;

        String stackName() {
            String name = stack != null ? stack : System.getenv("GALLERY_STACK");
            return name == null || name.isBlank() ? StackResources.DEFAULT_STACK : name;
        }
    }

    /** Base of the commands: AWS, the stack's resources and the output. */
    abstract static class AwsCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        AdminCli cli;

        @Mixin
        StackOptions stackOptions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private AwsServices services;
        private StackResources resources;

        AwsServices services() {
            if (services == null) {
                services = stackOptions.preview != null ? PreviewServices.of(stackOptions.preview)
                        : cli.services.apply(stackOptions.endpoint);
            }
            return services;
        }

        StackResources resources() {
            if (resources == null) {
                resources = new StackResources(stackOptions.stackName(), services().stackResources());
            }
            return resources;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    /** Base of the viewer commands: the accounts table and password input. */
    abstract static class TableCommand extends AwsCommand {
        @Option(names = "--table", description = "The accounts table (default: $ACCOUNTS_TABLE, else the stack's AccountsTable).")
        String table;

        ViewerAccounts accounts() {
            return new ViewerAccounts(services().dynamoDb(), accountsTable(), Clock.systemUTC());
        }

        String accountsTable() {
            return resources().name(StackResources.ACCOUNTS_TABLE, table != null ? table : System.getenv("ACCOUNTS_TABLE"));
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

    /** A command on one viewer, named on the command line, that says what it did in one line. */
    abstract static class ViewerCommand extends TableCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            out().println(apply(accounts(), ViewerName.of(name)));
            return 0;
        }

        abstract String apply(ViewerAccounts accounts, ViewerName viewer);
    }

    @Command(name = "remove", description = "Remove a viewer.")
    static final class Remove extends ViewerCommand {
        @Override
        String apply(ViewerAccounts accounts, ViewerName viewer) {
            accounts.remove(viewer);
            return "Removed viewer " + viewer + ". A browser they are signed in on loses access within the hour, when its cookies"
                    + " are due for renewal.";
        }
    }

    @Command(name = "list", description = "List the viewers.")
    static final class ListViewers extends TableCommand {
        @Override
        public Integer call() {
            var viewers = accounts().list();
            for (ViewerAccount viewer : viewers) {
                out().printf("%-40s added %s, password set %s%s%n", viewer.name(), viewer.createdAt(), viewer.passwordChangedAt(),
                        viewer.passwordImported() ? ", imported from htpasswd and never checked against the password policy"
                                + " (reset-password " + viewer.name() + " to set one that is)" : "");
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
            return "New password set for " + viewer + "; any lock on the name is lifted, and browsers signed in with the old one"
                    + " lose access within the hour.";
        }
    }

    @Command(name = "unlock", description = "Lift the lock that wrong passwords from unknown browsers put on a viewer's name.")
    static final class Unlock extends ViewerCommand {
        @Override
        String apply(ViewerAccounts accounts, ViewerName viewer) {
            accounts.unlock(viewer);
            return "Unlocked " + viewer + ": the next sign-in is checked at once.";
        }
    }

    @Command(name = "sign-out-everyone", description = "End every viewer's and guest's session: each must sign in, or open their link, again.")
    static final class SignOutEveryone extends TableCommand {
        @Override
        public Integer call() {
            accounts().signOutEveryone();
            out().println("Every session begun until now is over: each browser loses access within the hour, when its"
                    + " cookies are due for renewal, and must sign in (or open its guest link) again.");
            return 0;
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
            if (!report.added().isEmpty()) {
                out().println("Imported passwords were never checked against the password policy; 'list' marks them"
                        + " until reset-password replaces them.");
            }
            return report.problems().isEmpty() ? 0 : 1;
        }
    }
}
