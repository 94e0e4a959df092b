package family.gallery.locallambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * On demand (local-lambda/benchmark.sh): what one function process costs. Prints the cold start, warm
 * invocation times and the resident memory of the function's process, next to the resident memory of
 * a bare JVM started with the same heap and the same flags, which is the floor any JVM-mode function
 * pays.
 */
public final class FootprintBenchmark {

    private static final int WARM_INVOCATIONS = 200;

    public static void main(String[] args) throws Exception {
        Path zip = args.length > 0 ? Path.of(args[0]) : TestFunctions.scriptedZip();
        Path workDir = Files.createTempDirectory("local-lambda-benchmark");
        Path stateDir = Files.createTempDirectory("local-lambda-benchmark-state");
        FunctionDefinition function = new FunctionDefinition("Benchmark", zip, 512, 30,
                Map.of("STATE_DIR", stateDir.toString()));
        String event = TestFunctions.sqsEvent("ok:benchmark");
        try (LocalLambda lambda = LocalLambda.start(LocalLambdaOptions.defaults(workDir, "eu-west-1", Map.of()),
                List.of(function))) {
            long start = System.nanoTime();
            InvocationResult first = lambda.invoke("Benchmark", event);
            long coldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long[] warm = new long[WARM_INVOCATIONS];
            for (int i = 0; i < warm.length; i++) {
                long began = System.nanoTime();
                lambda.invoke("Benchmark", event);
                warm[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - began);
            }
            Arrays.sort(warm);
            Thread.sleep(2000);
            ProcessHandle functionProcess = ProcessHandle.current().children().findFirst().orElseThrow();
            System.out.printf("function package            %s%n", zip);
            System.out.printf("first invocation (cold)     %d ms, %s%n", coldMillis, first.succeeded() ? "ok" : first.error());
            System.out.printf("warm invocation p50 / p99   %.2f ms / %.2f ms (%d invocations)%n",
                    warm[warm.length / 2] / 1000.0, warm[warm.length * 99 / 100] / 1000.0, WARM_INVOCATIONS);
            System.out.printf("function process RSS, idle  %d MB (MemorySize 512)%n", residentMb(functionProcess.pid()));
        }
        System.out.printf("bare JVM RSS, same flags    %d MB%n", bareJvmResidentMb());
    }

    /** A JVM with the flags and heap a 512 MB function gets, doing nothing. */
    private static long bareJvmResidentMb() throws IOException, InterruptedException {
        Process bare = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Idle.class.getName()).start();
        try {
            Thread.sleep(2000);
            return residentMb(bare.pid());
        } finally {
            bare.destroyForcibly().waitFor();
        }
    }

    private static long residentMb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst().orElseThrow();
    }

    /** The bare JVM's whole program. */
    public static final class Idle {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }
}
