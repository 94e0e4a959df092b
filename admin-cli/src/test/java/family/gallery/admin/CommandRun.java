package family.gallery.admin;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

import picocli.CommandLine;

/** One run of gallery-admin, as an operator or a script runs it, against the local stack. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(AwsServices services, String stdin, String... args) {
        AdminCli cli = new AdminCli(endpoint -> {
            assertNull(endpoint, "the local stack's endpoints come with its clients");
            return services;
        }, new BufferedReader(new StringReader(stdin)), null);
        CommandLine commandLine = cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
