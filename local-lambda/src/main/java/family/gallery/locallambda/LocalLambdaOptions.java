package family.gallery.locallambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the local Lambda runs its functions.
 *
 * @param workDir where deployment packages are unpacked, each environment gets its {@code /tmp},
 *        and each function's output goes to {@code logs/<function>.log}
 * @param region what {@code AWS_REGION} says and the ARNs name
 * @param accountId the account the ARNs name
 * @param sharedEnvironment variables every function gets on top of its own, such as endpoint
 *        overrides and credentials for the local services
 * @param maxEnvironmentsPerFunction at most this many processes per function, hence concurrent
 *        executions; further invocations wait for one to be free
 * @param initTimeout how long a new process may take to ask for its first invocation
 * @param idleTimeout an environment without an invocation for this long is shut down, as Lambda
 *        reclaims idle environments
 * @param echoOutput whether function output also goes to this process's standard error
 */
public record LocalLambdaOptions(Path workDir, String region, String accountId,
        Map<String, String> sharedEnvironment, int maxEnvironmentsPerFunction, Duration initTimeout,
        Duration idleTimeout, boolean echoOutput) {

    public static final String DEFAULT_ACCOUNT_ID = "000000000000";

    public LocalLambdaOptions {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(initTimeout, "initTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        sharedEnvironment = Map.copyOf(sharedEnvironment);
        if (maxEnvironmentsPerFunction < 1) {
            throw new IllegalArgumentException("maxEnvironmentsPerFunction must be at least 1");
        }
    }

    /** Ten environments per function, 60 s to start one, idle ones stopped after five minutes. */
    public static LocalLambdaOptions defaults(Path workDir, String region, Map<String, String> sharedEnvironment) {
        return new LocalLambdaOptions(workDir, region, DEFAULT_ACCOUNT_ID, sharedEnvironment, 10,
                Duration.ofSeconds(60), Duration.ofMinutes(5), false);
    }

    public LocalLambdaOptions withMaxEnvironmentsPerFunction(int max) {
        return new LocalLambdaOptions(workDir, region, accountId, sharedEnvironment, max, initTimeout,
                idleTimeout, echoOutput);
    }

    public LocalLambdaOptions withIdleTimeout(Duration idle) {
        return new LocalLambdaOptions(workDir, region, accountId, sharedEnvironment,
                maxEnvironmentsPerFunction, initTimeout, idle, echoOutput);
    }

    public LocalLambdaOptions withEchoOutput(boolean echo) {
        return new LocalLambdaOptions(workDir, region, accountId, sharedEnvironment,
                maxEnvironmentsPerFunction, initTimeout, idleTimeout, echo);
    }

    public String functionArn(String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }
}
