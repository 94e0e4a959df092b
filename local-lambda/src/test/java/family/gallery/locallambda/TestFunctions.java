package family.gallery.locallambda;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The deployment packages the tests run, and what the scripted test function wrote down. */
public final class TestFunctions {

    private TestFunctions() {
    }

    /** {@code local-lambda/test-function/target/function.zip}, which the build makes before these tests run. */
    public static Path scriptedZip() {
        return existing(System.getProperty("test-function.zip", "test-function/target/function.zip"),
                "./mvnw -B install -pl local-lambda/test-function");
    }

    /** The project's own template and function packages live under this folder. */
    public static Path projectRoot() {
        return Path.of(System.getProperty("gallery.root", "..")).toAbsolutePath().normalize();
    }

    public static Path existing(String location, String howToBuild) {
        Path zip = Path.of(location).toAbsolutePath().normalize();
        if (!Files.isRegularFile(zip)) {
            fail("missing deployment package " + zip + "; build it first: " + howToBuild);
        }
        return zip;
    }

    /** A function of the scripted test function's package, writing its journal to {@code stateDir}. */
    public static FunctionDefinition scripted(String name, int timeoutSeconds, Path stateDir) {
        return new FunctionDefinition(name, scriptedZip(), 256, timeoutSeconds,
                Map.of("STATE_DIR", stateDir.toString(), "GREETING", "hello from the template"));
    }

    /** An SQS event with one record per body, message ids m0, m1, ... */
    public static String sqsEvent(String... bodies) {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < bodies.length; i++) {
            records.append(i == 0 ? "" : ",").append("{\"messageId\":\"m").append(i).append("\",\"body\":\"")
                    .append(bodies[i]).append("\"}");
        }
        return "{\"Records\":[" + records + "]}";
    }

    public static List<String> journal(Path stateDir) {
        Path journal = stateDir.resolve("journal.log");
        try {
            return Files.exists(journal) ? Files.readAllLines(journal) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
