package family.gallery.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion and hands back what it printed; other modules' tests use it through the test-jar. */
public final class Processes {

    private Processes() {
    }

    public static String run(List<String> command, Map<String, String> environment, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("local-aws-command", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeout + ":\n" + Files.readString(output));
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), command + " failed:\n" + printed);
            return printed;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * The AWS CLI of the machine (Debian's, not a pip one that may shadow it on PATH), with the
     * stack's endpoints, credentials and region in its environment and no user configuration.
     */
    public static String aws(LocalAws stack, Path scratch, List<String> arguments) throws IOException, InterruptedException {
        Path config = Files.writeString(scratch.resolve("aws-config"), "[default]\n");
        Map<String, String> environment = new java.util.HashMap<>(stack.endpointEnvironment());
        environment.put("AWS_CONFIG_FILE", config.toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", config.toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_PAGER", "");
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/aws"));
        command.addAll(arguments);
        return run(command, environment, Duration.ofMinutes(3));
    }
}
