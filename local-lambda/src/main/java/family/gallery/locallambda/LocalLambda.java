package family.gallery.locallambda;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lambda on this machine, without containers: each function runs from its real deployment package,
 * in its own JVM under AWS's runtime interface client, fed through the Lambda Runtime API as on
 * Lambda. Processes start on demand, one per concurrent execution, and are reused while warm.
 *
 * <pre>{@code
 * try (LocalLambda lambda = LocalLambda.start(options, functions)) {
 *     InvocationResult result = lambda.invoke("ResizeFunction", eventJson);
 * }
 * }</pre>
 */
public final class LocalLambda implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK HTTP server's separate header and body writes meet the runtime's
        // delayed ACKs, adding about 40 ms to every Runtime API exchange. The server reads this once,
        // when the first one in the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final LocalLambdaOptions options;
    private final Map<String, FunctionPool> pools = new LinkedHashMap<>();
    private final ScheduledExecutorService scheduler;

    private LocalLambda(LocalLambdaOptions options) {
        this.options = options;
        this.scheduler = Executors.newScheduledThreadPool(1, task -> {
            Thread thread = new Thread(task, "local-lambda-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Unpacks each function's deployment package; no process starts until the first invocation.
     *
     * @throws IllegalArgumentException when a package is missing or two functions share a name
     */
    public static LocalLambda start(LocalLambdaOptions options, Collection<FunctionDefinition> functions) {
        LocalLambda lambda = new LocalLambda(options);
        try {
            for (FunctionDefinition function : functions) {
                lambda.deploy(function);
            }
        } catch (RuntimeException | Error e) {
            lambda.close();
            throw e;
        }
        long sweep = Math.max(1, options.idleTimeout().toMillis() / 4);
        lambda.scheduler.scheduleWithFixedDelay(lambda::reclaimIdle, sweep, sweep, TimeUnit.MILLISECONDS);
        return lambda;
    }

    private void deploy(FunctionDefinition function) {
        if (pools.containsKey(function.name())) {
            throw new IllegalArgumentException("two functions are named " + function.name());
        }
        FunctionPackage code = FunctionPackage.unpack(function.codeZip(),
                options.workDir().resolve("functions").resolve(function.name()));
        FunctionLog log = new FunctionLog(function.name(), options.workDir().resolve("logs"), options.echoOutput());
        pools.put(function.name(), new FunctionPool(function, code, options, log, scheduler));
    }

    /**
     * Invokes a function synchronously (RequestResponse), waiting for a free execution environment
     * when all it may have are busy.
     *
     * @return the function's response, or the error Lambda would report: the one the function raised,
     *         {@code Sandbox.Timedout} after its Timeout, {@code Runtime.ExitError} when its process ended
     * @throws IllegalArgumentException when no function has that name
     */
    public InvocationResult invoke(String functionName, String payloadJson) {
        try {
            return pool(functionName).invoke(payloadJson);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking " + functionName, e);
        }
    }

    public FunctionDefinition function(String functionName) {
        return pool(functionName).function();
    }

    public Set<String> functionNames() {
        return Set.copyOf(pools.keySet());
    }

    public String functionArn(String functionName) {
        return options.functionArn(pool(functionName).function().name());
    }

    public String region() {
        return options.region();
    }

    /** At most this many invocations of one function run at once. */
    public int concurrencyLimit(String functionName) {
        pool(functionName);
        return options.maxEnvironmentsPerFunction();
    }

    /** How many processes a function has now (running or warm). */
    public int environments(String functionName) {
        return pool(functionName).environments();
    }

    /** Where a function's output and START/END/REPORT lines go. */
    public java.nio.file.Path logFile(String functionName) {
        return pool(functionName).logFile();
    }

    private FunctionPool pool(String functionName) {
        FunctionPool pool = pools.get(functionName);
        if (pool == null) {
            throw new IllegalArgumentException("Function not found: " + functionName + " (known: " + pools.keySet() + ")");
        }
        return pool;
    }

    private void reclaimIdle() {
        pools.values().forEach(FunctionPool::reclaimIdle);
    }

    /** Stops every process; invocations still running fail. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        List<FunctionPool> all = new ArrayList<>(pools.values());
        all.parallelStream().forEach(FunctionPool::close);
    }
}
