package family.gallery.locallambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package with a {@code bootstrap}, as a native image's function.zip is, runs as Lambda runs a
 * custom runtime (provided.al2023): the bootstrap itself, with no JVM of ours around it.
 */
class CustomRuntimeTest {

    @Test
    void aPackageWithABootstrapRunsItAsItsRuntime(@TempDir Path work) throws IOException {
        Path zip = work.resolve("function.zip");
        // Stored without file modes, as Java writes zips: the local Lambda makes the bootstrap executable.
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bootstrap"));
            String script = "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                    + Path.of(EchoCustomRuntime.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                    + "' " + EchoCustomRuntime.class.getName() + "\n";
            out.write(script.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        FunctionDefinition echo = new FunctionDefinition("Echo", zip, 256, 10, Map.of());
        try (LocalLambda lambda = LocalLambda.start(LocalLambdaOptions.defaults(work.resolve("lambda"), "eu-west-1", Map.of()),
                List.of(echo))) {
            InvocationResult result = lambda.invoke("Echo", "{\"n\":1}");
            assertTrue(result.succeeded(), String.valueOf(result.error()));
            assertEquals("{\"echo\":{\"n\":1},\"function\":\"Echo\",\"executionEnv\":\"null\"}", result.payload(),
                    "the event reached the bootstrap, which was not told it runs on a managed Java runtime");

            InvocationResult failed = lambda.invoke("Echo", "{\"fail\":true}");
            assertFalse(failed.succeeded());
            assertEquals("EchoError", failed.error().errorType());
            assertEquals("asked to fail", failed.error().errorMessage());

            assertEquals("{\"echo\":{\"n\":2},\"function\":\"Echo\",\"executionEnv\":\"null\"}",
                    lambda.invoke("Echo", "{\"n\":2}").payload(), "the same process serves the next event");
            List<String> log = Files.readAllLines(lambda.logFile("Echo"));
            assertTrue(log.stream().anyMatch(line -> line.contains("started from the package's bootstrap")), log.toString());
            List<String> reports = log.stream().filter(line -> line.contains("REPORT RequestId: ")).toList();
            assertEquals(3, reports.size(), log.toString());
            assertTrue(reports.get(0).matches(".*\tInit Duration: \\d+ ms$"), "the cold start's report: " + reports.get(0));
            assertFalse(reports.get(1).contains("Init Duration") || reports.get(2).contains("Init Duration"), reports.toString());
        }
    }
}
