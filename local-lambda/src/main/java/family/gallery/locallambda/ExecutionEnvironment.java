package family.gallery.locallambda;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One execution environment: a JVM running the function under the runtime interface client, with
 * its own Runtime API. It serves one invocation at a time. An invocation that outlives the
 * function's Timeout kills the process, and a process that exits fails the invocation it was
 * running; either way the environment is gone and the next invocation gets a fresh one.
 */
final class ExecutionEnvironment implements RuntimeApiServer.Invocations, AutoCloseable {

    private final String id;
    private final FunctionDefinition function;
    private final FunctionLog log;
    private final ScheduledExecutorService scheduler;
    private final RuntimeApiServer api;
    private final Path tmpDir;
    private final Process process;
    private final ScheduledFuture<?> initWatch;
    private final long initTimeoutSeconds;
    private final BlockingQueue<PendingInvocation> inbox = new LinkedBlockingQueue<>();
    private volatile PendingInvocation current;
    private volatile boolean initialized;
    private final long startedNanos = System.nanoTime();
    /** How long the process took to ask for its first event, for the first REPORT line; -1 once reported. */
    private volatile long initMillis = -1;
    private volatile boolean dead;
    private volatile long idleSinceNanos = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private ExecutionEnvironment(String id, FunctionDefinition function, FunctionPackage code,
            LocalLambdaOptions options, FunctionLog log, ScheduledExecutorService scheduler) throws IOException {
        this.id = id;
        this.function = function;
        this.log = log;
        this.scheduler = scheduler;
        this.api = new RuntimeApiServer(this, options.functionArn(function.name()));
        this.tmpDir = options.workDir().resolve("environments").resolve(id);
        try {
            Files.createDirectories(tmpDir);
            ProcessBuilder builder = new ProcessBuilder(command(code, options))
                    .directory(code.taskRoot().toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment(code, options));
            this.process = builder.start();
        } catch (IOException | RuntimeException | Error e) {
            // the server's dispatcher thread would otherwise keep the JVM alive
            api.close();
            throw e;
        }
        this.initTimeoutSeconds = options.initTimeout().toSeconds();
        log.line(id, "process " + process.pid() + " started" + (code.bootstrap().isPresent() ? " from the package's bootstrap" : " in a JVM")
                + ", Runtime API at " + api.address());
        pumpOutput();
        process.onExit().thenAccept(exited -> exited(exited.exitValue()));
        initWatch = scheduler.schedule(this::initTimedOut, options.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    static ExecutionEnvironment start(String id, FunctionDefinition function, FunctionPackage code,
            LocalLambdaOptions options, FunctionLog log, ScheduledExecutorService scheduler) {
        try {
            return new ExecutionEnvironment(id, function, code, options, log, scheduler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a process for " + function.name(), e);
        }
    }

    private List<String> command(FunctionPackage code, LocalLambdaOptions options) {
        if (code.bootstrap().isPresent()) {
            // A custom runtime (provided.al2023): Lambda runs the bootstrap with no arguments.
            return List.of(code.bootstrap().get().toString());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + Math.max(64, function.memorySizeMb() / 2) + "m");
        // What Lambda's managed Java runtimes use: quick start-up over peak throughput, a small footprint.
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.io.tmpdir=" + tmpDir);
        // No home folder: the function must not find this machine's ~/.aws settings.
        command.add("-Duser.home=" + tmpDir);
        command.add("-D" + RuntimeInterfaceClient.JNI_LIBRARY_PROPERTY + "="
                + RuntimeInterfaceClient.nativeLibrary(options.workDir().resolve("runtime")));
        command.add("-cp");
        command.add(code.classPath() + java.io.File.pathSeparator + RuntimeInterfaceClient.classPath());
        command.add(RuntimeInterfaceClient.MAIN_CLASS);
        command.add(RuntimeInterfaceClient.QUARKUS_HANDLER);
        return command;
    }

    /** The function's variables, then Lambda's own (which a function cannot override), then the shared ones. */
    private Map<String, String> environment(FunctionPackage code, LocalLambdaOptions options) {
        Map<String, String> environment = new java.util.LinkedHashMap<>(function.environment());
        environment.put("AWS_LAMBDA_RUNTIME_API", api.address());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySizeMb()));
        environment.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(function.timeoutSeconds()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName());
        environment.put("AWS_REGION", options.region());
        environment.put("AWS_DEFAULT_REGION", options.region());
        if (code.bootstrap().isEmpty()) {
            environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
            environment.put("_HANDLER", RuntimeInterfaceClient.QUARKUS_HANDLER);
        }
        environment.put("LAMBDA_TASK_ROOT", code.taskRoot().toString());
        environment.put("TZ", ":UTC");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.putAll(options.sharedEnvironment());
        return environment;
    }

    private static String logStreamName() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/') + "/[$LATEST]" + HexFormat.of().formatHex(random);
    }

    private void pumpOutput() {
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    log.line(id, line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "lambda-output-" + id);
        pump.setDaemon(true);
        pump.start();
    }

    String id() {
        return id;
    }

    boolean alive() {
        return !dead;
    }

    /** How long this environment has waited for an invocation. */
    long idleNanos() {
        return System.nanoTime() - idleSinceNanos;
    }

    /** Runs one invocation and waits for its outcome. */
    InvocationResult invoke(String payload) throws InterruptedException {
        PendingInvocation invocation = new PendingInvocation(payload);
        current = invocation;
        inbox.add(invocation);
        if (dead) {
            invocation.fail("Runtime.ExitError", "the execution environment is gone");
        }
        try {
            return invocation.result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("invocation ended without a result", e.getCause());
        } finally {
            idleSinceNanos = System.nanoTime();
        }
    }

    @Override
    public PendingInvocation next() throws InterruptedException {
        PendingInvocation invocation = inbox.take();
        if (!initialized) {
            initialized = true;
            initWatch.cancel(false);
            if (initMillis < 0) {
                initMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            }
        }
        long timeoutMillis = function.timeoutSeconds() * 1000L;
        invocation.startNanos = System.nanoTime();
        invocation.deadlineEpochMillis = System.currentTimeMillis() + timeoutMillis;
        invocation.onEnd = () -> logEnd(invocation);
        invocation.timeout = scheduler.schedule(() -> timedOut(invocation), timeoutMillis, TimeUnit.MILLISECONDS);
        log.line(id, "START RequestId: " + invocation.requestId + " Version: $LATEST");
        return invocation;
    }

    /** Under SnapStart the start-up ends at the checkpoint, before the runtime asks for its first event. */
    @Override
    public void readyForSnapshot() {
        if (!initialized) {
            initMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            log.line(id, "ready for a snapshot after " + initMillis + " ms (restored at once: nothing is snapshotted locally)");
        }
    }

    @Override
    public boolean respond(String requestId, String payload) {
        PendingInvocation invocation = running(requestId);
        return invocation != null && invocation.complete(payload, null);
    }

    @Override
    public boolean fail(String requestId, String errorDocument, String errorTypeHeader) {
        PendingInvocation invocation = running(requestId);
        if (invocation == null) {
            return false;
        }
        InvocationResult.FunctionError error = ErrorDocuments.read(errorDocument, errorTypeHeader);
        String payload = errorDocument.isBlank() ? ErrorDocuments.of(error.errorType(), error.errorMessage()) : errorDocument;
        return invocation.complete(payload, error);
    }

    @Override
    public void initFailed(String errorDocument, String errorTypeHeader) {
        InvocationResult.FunctionError error = ErrorDocuments.read(errorDocument, errorTypeHeader);
        log.line(id, "init failed: " + error.errorType() + ": " + error.errorMessage());
        dead = true;
        PendingInvocation invocation = current;
        if (invocation != null) {
            invocation.complete(errorDocument.isBlank() ? ErrorDocuments.of(error.errorType(), error.errorMessage())
                    : errorDocument, error);
        }
        process.destroyForcibly();
    }

    private PendingInvocation running(String requestId) {
        PendingInvocation invocation = current;
        return invocation != null && invocation.requestId.equals(requestId) && invocation.startNanos != 0
                ? invocation
                : null;
    }

    private void logEnd(PendingInvocation invocation) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - invocation.startNanos);
        log.line(id, "END RequestId: " + invocation.requestId);
        // As on Lambda, an environment's first REPORT also says how long its start-up took.
        long init = initMillis;
        initMillis = -1;
        log.line(id, "REPORT RequestId: " + invocation.requestId + "\tDuration: " + millis + " ms\tMemory Size: "
                + function.memorySizeMb() + " MB" + (init >= 0 ? "\tInit Duration: " + init + " ms" : ""));
    }

    /** The environment is marked dead before the invoker sees the timeout, so it is never reused. */
    private void timedOut(PendingInvocation invocation) {
        String message = String.format(java.util.Locale.ROOT, "Task timed out after %d.00 seconds",
                function.timeoutSeconds());
        if (invocation.fail("Sandbox.Timedout", message, () -> dead = true)) {
            log.line(id, invocation.requestId + " " + message);
            process.destroyForcibly();
        }
    }

    private void initTimedOut() {
        if (!initialized) {
            log.line(id, "the runtime did not ask for an invocation in time");
            dead = true;
            PendingInvocation invocation = current;
            if (invocation != null) {
                invocation.fail("Sandbox.Timedout", "the runtime did not ask for an invocation within "
                        + initTimeoutSeconds + " seconds of starting");
            }
            process.destroyForcibly();
        }
    }

    private void exited(int exitValue) {
        dead = true;
        log.line(id, "process exited with status " + exitValue);
        PendingInvocation invocation = current;
        if (invocation != null) {
            invocation.fail("Runtime.ExitError", "Runtime exited with error: exit status " + exitValue);
        }
        close();
    }

    @Override
    public void close() {
        dead = true;
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        initWatch.cancel(false);
        process.destroyForcibly();
        api.close();
        PendingInvocation invocation = current;
        if (invocation != null) {
            invocation.fail("Runtime.ExitError", "the execution environment was shut down");
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            FunctionPackage.deleteTree(tmpDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.line(id, "cannot remove " + tmpDir + ": " + e.getMessage());
        }
    }
}
