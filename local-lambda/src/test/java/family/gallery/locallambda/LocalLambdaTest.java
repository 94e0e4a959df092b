package family.gallery.locallambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalLambdaTest {

    @TempDir
    static Path workDir;
    @TempDir
    static Path stateDir;

    private static LocalLambda lambda;

    @BeforeAll
    static void start() {
        LocalLambdaOptions options = LocalLambdaOptions.defaults(workDir, "eu-west-1",
                Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"));
        lambda = LocalLambda.start(options, List.of(TestFunctions.scripted("Scripted", 3, stateDir)));
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    private static String event(String... bodies) {
        return TestFunctions.sqsEvent(bodies);
    }

    @Test
    void returnsTheFunctionsResponse() {
        InvocationResult result = lambda.invoke("Scripted", event("ok:a", "fail:b", "ok:c"));

        assertTrue(result.succeeded(), result.payload());
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"}]}", result.payload().replace(" ", ""));
    }

    @Test
    void reportsWhatTheFunctionThrew() {
        InvocationResult result = lambda.invoke("Scripted", event("throw"));

        assertFalse(result.succeeded());
        assertEquals("java.lang.IllegalStateException", result.error().errorType());
        assertEquals("asked to throw by m0", result.error().errorMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "crash-once:invoke|crashing|Runtime.ExitError|Runtime exited with error: exit status 13",
        "hang-once:invoke|hanging|Sandbox.Timedout|Task timed out after 3.00 seconds",
    })
    void aCrashOrATimeoutFailsTheInvocationAndTheNextOneGetsAFreshProcess(String body, String firstAttempt,
            String errorType, String error) {
        InvocationResult failed = lambda.invoke("Scripted", event(body));

        assertEquals(errorType, failed.error().errorType());
        assertEquals("RequestId: " + failed.requestId() + " Error: " + error, failed.error().errorMessage());
        InvocationResult retried = lambda.invoke("Scripted", event(body));
        assertTrue(retried.succeeded(), retried.payload());
        assertNotEquals(pidOf(firstAttempt, body), pidOf("processed", body));
    }

    @Test
    void theFunctionSeesItsNameArnMemoryAndDeadline() {
        InvocationResult result = lambda.invoke("Scripted", event("context"));

        String line = lineStartingWith("context ");
        String[] fields = line.split(" ");
        assertEquals("Scripted", fields[1]);
        assertEquals("arn:aws:lambda:eu-west-1:000000000000:function:Scripted", fields[2]);
        assertEquals("256", fields[3]);
        long remaining = Long.parseLong(fields[4]);
        assertTrue(remaining > 0 && remaining <= 3000, "remaining time " + remaining);
        assertEquals(result.requestId(), fields[5]);
    }

    @Test
    void theFunctionGetsItsOwnLambdasAndTheSharedEnvironmentButNotThisProcesss() {
        lambda.invoke("Scripted", event("env:GREETING", "env:AWS_LAMBDA_FUNCTION_NAME", "env:AWS_REGION",
                "env:AWS_ACCESS_KEY_ID", "env:AWS_LAMBDA_RUNTIME_API", "env:HOME"));

        assertEquals("env GREETING=hello from the template", lineStartingWith("env GREETING="));
        assertEquals("env AWS_LAMBDA_FUNCTION_NAME=Scripted", lineStartingWith("env AWS_LAMBDA_FUNCTION_NAME="));
        assertEquals("env AWS_REGION=eu-west-1", lineStartingWith("env AWS_REGION="));
        assertEquals("env AWS_ACCESS_KEY_ID=local", lineStartingWith("env AWS_ACCESS_KEY_ID="));
        assertTrue(lineStartingWith("env AWS_LAMBDA_RUNTIME_API=").matches("env AWS_LAMBDA_RUNTIME_API=127\\.0\\.0\\.1:\\d+"));
        assertEquals("env HOME=null", lineStartingWith("env HOME="));
    }

    @Test
    void aPayloadTheHandlerCannotReadIsAnError() {
        InvocationResult result = lambda.invoke("Scripted", "this is not JSON");

        assertFalse(result.succeeded());
        assertFalse(result.error().errorType().isEmpty());
    }

    @Test
    void aLargePayloadArrivesWhole() {
        String body = "ok:" + "x".repeat(1_000_000);

        InvocationResult result = lambda.invoke("Scripted", event(body));

        assertTrue(result.succeeded(), result.payload());
        assertTrue(TestFunctions.journal(stateDir).stream().anyMatch(l -> l.contains(body + " pid=")));
    }

    @Test
    void anUnknownFunctionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> lambda.invoke("NoSuchFunction", "{}"));
    }

    @Test
    void theLogHasTheFunctionsOutputAndLambdasReportLines() throws Exception {
        InvocationResult result = lambda.invoke("Scripted", event("ok:logged"));

        String log = java.nio.file.Files.readString(lambda.logFile("Scripted"));
        assertTrue(log.contains("START RequestId: " + result.requestId()), log);
        assertTrue(log.contains("REPORT RequestId: " + result.requestId()), log);
        assertTrue(log.contains("Quarkus"), "the function's own output: " + log);
    }

    private static String lineStartingWith(String prefix) {
        List<String> lines = TestFunctions.journal(stateDir).stream().filter(l -> l.startsWith(prefix)).toList();
        assertEquals(1, lines.size(), "lines starting with " + prefix + ": " + lines);
        return lines.get(0);
    }

    private static String pidOf(String event, String body) {
        return lineStartingWith(event + " m0 " + body + " ").replaceAll(".* pid=", "");
    }
}
