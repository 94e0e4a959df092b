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
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < bodies.length; i++) {
            records.append(i == 0 ? "" : ",").append("{\"messageId\":\"m").append(i).append("\",\"body\":\"")
                    .append(bodies[i]).append("\"}");
        }
        return "{\"Records\":[" + records + "]}";
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

    @Test
    void aTimeoutKillsTheProcessAndTheNextInvocationGetsAFreshOne() {
        InvocationResult timedOut = lambda.invoke("Scripted", event("hang-once:invoke"));

        assertEquals("Sandbox.Timedout", timedOut.error().errorType());
        assertEquals("RequestId: " + timedOut.requestId() + " Error: Task timed out after 3.00 seconds",
                timedOut.error().errorMessage());
        InvocationResult retried = lambda.invoke("Scripted", event("hang-once:invoke"));
        assertTrue(retried.succeeded(), retried.payload());
        assertNotEquals(pidOf("hanging", "hang-once:invoke"), pidOf("processed", "hang-once:invoke"));
    }

    @Test
    void aCrashFailsTheInvocationAndTheNextOneGetsAFreshProcess() {
        InvocationResult crashed = lambda.invoke("Scripted", event("crash-once:invoke"));

        assertEquals("Runtime.ExitError", crashed.error().errorType());
        assertEquals("RequestId: " + crashed.requestId() + " Error: Runtime exited with error: exit status 13",
                crashed.error().errorMessage());
        assertTrue(lambda.invoke("Scripted", event("crash-once:invoke")).succeeded());
        assertNotEquals(pidOf("crashing", "crash-once:invoke"), pidOf("processed", "crash-once:invoke"));
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
