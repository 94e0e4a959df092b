package family.gallery.localaws;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import family.gallery.template.StackTemplate;

/**
 * Starts the local AWS stack and keeps it running until Ctrl-C.
 *
 * <pre>
 * --s3-port=9000 --sqs-port=9324 --dynamodb-port=8000 --cloudfront-port=9001   (0 = any free port)
 * --data-dir=PATH        where objects and tables are kept (default ~/.local/share/family-gallery/local-aws)
 * --in-memory            keep nothing
 * --no-functions         do not run the template's functions
 * --template=PATH --stack-name=NAME --region=REGION --parameter=Name=Value (repeatable)
 * </pre>
 *
 * Each option can also be given as a system property: {@code -Dlocalaws.s3-port=9000}.
 */
public final class LocalAwsMain {

    private static final List<String> OPTIONS = List.of("s3-port", "sqs-port", "dynamodb-port", "cloudfront-port",
            "data-dir", "in-memory", "no-functions", "template", "stack-name", "region", "parameter");

    private LocalAwsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalAws stack;
        try {
            stack = LocalAws.start(config(args));
        } catch (LocalAwsException | IllegalArgumentException e) {
            System.err.println("local AWS stack did not start: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-aws-shutdown"));
        System.out.print(stack.describe());
        System.out.println("environment for functions and the AWS CLI:");
        stack.endpointEnvironment().forEach((name, value) -> System.out.println("  " + name + "=" + value));
        System.out.println("local AWS stack ready; Ctrl-C stops it");
        stopped.await();
    }

    static LocalAwsConfig config(String[] args) {
        Map<String, String> options = new HashMap<>();
        Map<String, String> parameters = new HashMap<>();
        for (String option : OPTIONS) {
            String property = System.getProperty("localaws." + option);
            if (property != null) {
                options.put(option, property);
            }
        }
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg + "; options: --" + String.join(", --", OPTIONS));
            }
            String[] nameValue = arg.substring(2).split("=", 2);
            if (!OPTIONS.contains(nameValue[0])) {
                throw new IllegalArgumentException("unknown option --" + nameValue[0] + "; options: --" + String.join(", --", OPTIONS));
            }
            String value = nameValue.length == 2 ? nameValue[1] : "true";
            if (nameValue[0].equals("parameter")) {
                String[] parameter = value.split("=", 2);
                if (parameter.length != 2) {
                    throw new IllegalArgumentException("--parameter takes Name=Value, got " + value);
                }
                parameters.put(parameter[0], parameter[1]);
            } else {
                options.put(nameValue[0], value);
            }
        }
        Optional<Path> dataDirectory = options.containsKey("in-memory") ? Optional.empty()
                : Optional.of(Path.of(options.getOrDefault("data-dir",
                        System.getProperty("user.home") + "/.local/share/family-gallery/local-aws")));
        return new LocalAwsConfig(
                options.containsKey("template") ? Path.of(options.get("template")) : StackTemplate.locate(),
                options.getOrDefault("stack-name", LocalAwsConfig.DEFAULT_STACK_NAME),
                options.getOrDefault("region", LocalAwsConfig.DEFAULT_REGION), dataDirectory,
                port(options, "s3-port", 9000), port(options, "sqs-port", 9324), port(options, "dynamodb-port", 8000),
                port(options, "cloudfront-port", 9001), parameters, java.time.Duration.ofSeconds(10),
                !options.containsKey("no-functions"), true, Map.of());
    }

    private static int port(Map<String, String> options, String name, int defaultPort) {
        String value = options.get(name);
        try {
            int port = value == null ? defaultPort : Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number (0 for any free port), got " + value);
        }
    }
}
