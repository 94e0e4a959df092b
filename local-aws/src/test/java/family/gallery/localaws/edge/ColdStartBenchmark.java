package family.gallery.localaws.edge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;
import family.gallery.locallambda.FunctionDefinition;
import family.gallery.locallambda.InvocationResult;
import family.gallery.locallambda.LocalLambda;
import family.gallery.locallambda.LocalLambdaOptions;
import family.gallery.locallambda.template.LambdaTopology;
import family.gallery.template.StackTemplate;

/**
 * On demand ({@code local-aws/bench/coldstart.sh}): the cold start of each function's JVM package on
 * the local Lambda, the closest thing to Lambda's managed Java runtime here, without class-data
 * sharing ({@code -Xshare:off}) and with the JDK's archive (the default). An application archive
 * (AppCDS) cannot be made for a Lambda package: its class path begins with the package's root
 * folder, and the JVM refuses to archive with a non-empty folder on the path. Prints, per function,
 * the median over fresh execution environments of the start-up ("Init Duration" of the REPORT line:
 * process start to the first request for an event) and of the first invocation, and the ratio of
 * the totals. Arguments: the number of cold starts per case (5), then optionally the cases to run
 * by the start of their names ({@code login}, {@code site}, {@code resize}).
 */
public final class ColdStartBenchmark {

    private static final java.time.Duration IDLE = java.time.Duration.ofMillis(500);
    private static final Pattern REPORT = Pattern.compile("REPORT RequestId: \\S+\\tDuration: (\\d+) ms.*\\tInit Duration: (\\d+) ms");

    /**
     * What starts each function, by a name for the case: a person waits only for the login (its page,
     * then a sign-in: bcrypt, the accounts table, the signing key).
     */
    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    private record Case(String logicalId, String event, Map<String, String> environment) {

        Case(String logicalId, String event) {
            this(logicalId, event, Map.of());
        }
    }

    static {
        CASES.put("login page", new Case("LoginFunction", loginRequest("GET", "")));
        CASES.put("login sign-in", new Case("LoginFunction", loginRequest("POST", "name=nobody&password=not+the+password")));
        // Started as SnapStart starts it (Lambda's AWS_LAMBDA_INITIALIZATION_TYPE), so the function primes
        // itself: on Lambda the start-up is then in the snapshot and a visitor waits only for the restore
        // and the first invocation.
        CASES.put("login sign-in, primed", new Case("LoginFunction", loginRequest("POST", "name=nobody&password=not+the+password"),
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")));
        CASES.put("site builder", new Case("SiteBuilderFunction", "{\"Records\":[]}"));
        CASES.put("resize", new Case("ResizeFunction", "{\"Records\":[]}"));
    }

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Path work = Files.createTempDirectory("cold-start-benchmark");
        System.out.printf(Locale.ROOT, "%d CPUs, %s %s, %d cold starts per function and mode (medians)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"), runs);
        System.out.printf(Locale.ROOT, "%-22s %24s %24s %8s%n", "function", "no CDS: init + first (ms)", "CDS: init + first (ms)",
                "ratio");
        try (LocalAws stack = LocalAws.start(LocalAwsConfig.forTests()); LocalEdge edge = LocalEdge.start(stack, 0, 0)) {
            LambdaTopology topology = LambdaTopology.read(stack.topology().template(),
                    StackTemplate.locate().toAbsolutePath().getParent(), stack.topology().resolver());
            for (Map.Entry<String, Case> entry : CASES.entrySet()) {
                if (!only.isEmpty() && only.stream().noneMatch(entry.getKey()::startsWith)) {
                    continue;
                }
                Case function = entry.getValue();
                String name = stack.topology().resolver().resolveString(Map.of("Ref", function.logicalId()), function.logicalId());
                FunctionDefinition template = topology.functions().stream().filter(f -> f.name().equals(name)).findFirst()
                        .orElseThrow();
                Map<String, String> environment = new LinkedHashMap<>(stack.functionEnvironment(function.logicalId()));
                environment.putAll(edge.functionEnvironment());
                environment.putAll(function.environment());
                Path lambdaDir = Files.createTempDirectory(work, function.logicalId());
                long[] unshared = coldStarts(lambdaDir, with(template, environment, "-Xshare:off"), function.event(), runs);
                long[] shared = coldStarts(lambdaDir, with(template, environment, ""), function.event(), runs);
                System.out.printf(Locale.ROOT, "%-22s %10d + %-11d %10d + %-12d %8.2f%n", entry.getKey(), unshared[0], unshared[1],
                        shared[0], shared[1], (double) (shared[0] + shared[1]) / (unshared[0] + unshared[1]));
            }
        }
    }

    private static FunctionDefinition with(FunctionDefinition template, Map<String, String> environment, String jvmOptions) {
        Map<String, String> withOptions = new LinkedHashMap<>(environment);
        if (!jvmOptions.isEmpty()) {
            withOptions.put("JAVA_TOOL_OPTIONS", jvmOptions);
        }
        return new FunctionDefinition(template.name(), template.codeZip(), template.memorySizeMb(), template.timeoutSeconds(),
                withOptions);
    }

    /**
     * Medians of init and first-invocation milliseconds over {@code runs} fresh execution
     * environments: each is shut down as idle before the next invocation, which then starts another.
     */
    private static long[] coldStarts(Path lambdaDir, FunctionDefinition function, String event, int runs) throws Exception {
        Path log;
        try (LocalLambda lambda = LocalLambda.start(options(lambdaDir), List.of(function))) {
            for (int run = 0; run < runs; run++) {
                invoke(lambda, function, event);
                Thread.sleep(IDLE.toMillis() * 3);
            }
            log = lambda.logFile(function.name());
        }
        List<long[]> reports = new ArrayList<>();
        Matcher report = REPORT.matcher(Files.readString(log));
        while (report.find()) {
            reports.add(new long[] {Long.parseLong(report.group(2)), Long.parseLong(report.group(1))});
        }
        // The log keeps the reports of earlier modes: the last ones are this mode's.
        if (reports.size() < runs) {
            throw new IllegalStateException("expected " + runs + " cold starts in " + log + ", found " + reports.size());
        }
        List<long[]> mine = reports.subList(reports.size() - runs, reports.size());
        long[] init = mine.stream().mapToLong(r -> r[0]).sorted().toArray();
        long[] first = mine.stream().mapToLong(r -> r[1]).sorted().toArray();
        return new long[] {init[runs / 2], first[runs / 2]};
    }

    private static LocalLambdaOptions options(Path lambdaDir) {
        return LocalLambdaOptions.defaults(lambdaDir, "us-east-1", Map.of()).withIdleTimeout(IDLE);
    }

    private static void invoke(LocalLambda lambda, FunctionDefinition function, String event) {
        InvocationResult result = lambda.invoke(function.name(), event);
        if (!result.succeeded()) {
            throw new IllegalStateException(function.name() + " failed: " + result.error());
        }
    }

    /** What the distribution sends the login origin when a browser opens the login page or signs in. */
    private static String loginRequest(String method, String form) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "loginfunction.lambda-url.local");
        headers.put("cloudfront-viewer-address", "192.0.2.10:50000");
        headers.put("x-forwarded-host", "gallery.example");
        if (!form.isEmpty()) {
            headers.put("content-type", "application/x-www-form-urlencoded");
        }
        return FunctionUrlEvents.event(new FunctionUrlEvents.Request(method, "/login", "", headers, new ArrayList<>(),
                form.getBytes(java.nio.charset.StandardCharsets.UTF_8), "192.0.2.10", Instant.now()), "loginfunction.lambda-url.local");
    }
}
