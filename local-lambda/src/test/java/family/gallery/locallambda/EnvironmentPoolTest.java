package family.gallery.locallambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many processes a function gets, and when they go. */
class EnvironmentPoolTest {

    @TempDir
    Path workDir;
    @TempDir
    Path stateDir;

    private LocalLambda start(LocalLambdaOptions options) {
        return LocalLambda.start(options, List.of(TestFunctions.scripted("Scripted", 10, stateDir)));
    }

    @Test
    void invocationsBeyondTheConcurrencyLimitWaitForAFreeEnvironment() throws Exception {
        try (LocalLambda lambda = start(LocalLambdaOptions.defaults(workDir, "eu-west-1", Map.of())
                .withMaxEnvironmentsPerFunction(2))) {
            ExecutorService callers = Executors.newFixedThreadPool(5);
            List<Future<InvocationResult>> results = callers.invokeAll(java.util.Collections.nCopies(5,
                    () -> lambda.invoke("Scripted", TestFunctions.sqsEvent("hold:1000"))));
            callers.shutdown();

            for (Future<InvocationResult> result : results) {
                assertTrue(result.get().succeeded(), result.get().payload());
            }
            List<Integer> observed = TestFunctions.journal(stateDir).stream().filter(l -> l.startsWith("concurrency "))
                    .map(l -> Integer.parseInt(l.substring("concurrency ".length()))).toList();
            assertEquals(5, observed.size());
            assertEquals(2, observed.stream().mapToInt(Integer::intValue).max().orElseThrow(), "most at once: " + observed);
            assertEquals(2, lambda.environments("Scripted"));
        }
    }

    @Test
    void anIdleEnvironmentIsReclaimedAndTheNextInvocationStartsAFreshOne() throws Exception {
        try (LocalLambda lambda = start(LocalLambdaOptions.defaults(workDir, "eu-west-1", Map.of())
                .withIdleTimeout(Duration.ofSeconds(1)))) {
            assertTrue(lambda.invoke("Scripted", TestFunctions.sqsEvent("ok:first")).succeeded());
            assertEquals(1, lambda.environments("Scripted"));

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (lambda.environments("Scripted") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertEquals(0, lambda.environments("Scripted"));
            assertTrue(lambda.invoke("Scripted", TestFunctions.sqsEvent("ok:second")).succeeded());
            List<String> pids = TestFunctions.journal(stateDir).stream().filter(l -> l.startsWith("processed "))
                    .map(l -> l.replaceAll(".* pid=", "")).toList();
            assertEquals(2, pids.size());
            assertTrue(!pids.get(0).equals(pids.get(1)), "a fresh process: " + pids);
        }
    }

    @Test
    void closingLeavesNoProcessAndNoThreadThatHoldsTheJvm() throws Exception {
        LocalLambda lambda = start(LocalLambdaOptions.defaults(workDir, "eu-west-1", Map.of()));
        assertTrue(lambda.invoke("Scripted", TestFunctions.sqsEvent("ok:before-close")).succeeded());
        List<ProcessHandle> processes = ProcessHandle.current().children().toList();
        assertEquals(1, processes.size());

        lambda.close();

        assertFalse(processes.get(0).isAlive());
        List<String> holding = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon() && thread != Thread.currentThread())
                .map(Thread::getName).filter(name -> !name.startsWith("surefire") && !name.equals("main")).toList();
        assertEquals(List.of(), holding);
        assertThrows(IllegalStateException.class, () -> lambda.invoke("Scripted", TestFunctions.sqsEvent("ok:after")));
    }
}
