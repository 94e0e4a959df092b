package family.gallery.locallambda;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One function as Lambda knows it: its name, its deployment package and its configuration.
 *
 * @param name the function name, also what {@code AWS_LAMBDA_FUNCTION_NAME} says
 * @param codeZip the deployment package, {@code target/function.zip} of a function module
 * @param memorySizeMb MemorySize, 128 to 10240 as on Lambda; the process's heap is about half of it
 * @param timeoutSeconds Timeout, 1 to 900 as on Lambda
 * @param environment the function's own environment variables
 */
public record FunctionDefinition(String name, Path codeZip, int memorySizeMb, int timeoutSeconds,
        Map<String, String> environment) {

    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codeZip, "codeZip");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("function name must be 1 to 64 letters, digits, - or _: " + name);
        }
        if (memorySizeMb < 128 || memorySizeMb > 10240) {
            throw new IllegalArgumentException(name + ": MemorySize must be 128 to 10240 MB, got " + memorySizeMb);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException(name + ": Timeout must be 1 to 900 seconds, got " + timeoutSeconds);
        }
        environment = Map.copyOf(environment);
    }
}
