package family.gallery.locallambda.testfunction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;

/**
 * Does what each message body asks, and writes what happened to a journal in {@code STATE_DIR}, so a
 * test can tell how often each message was handled, in which batch and process, and how many ran at once.
 * <ul>
 * <li>{@code ok:<tag>} succeeds; {@code fail:<tag>} is reported as a batch item failure</li>
 * <li>{@code crash-once:<tag>} ends the process the first time, {@code hang-once:<tag>} never
 * returns the first time; both succeed afterwards</li>
 * <li>{@code throw} fails the whole invocation; {@code report:<id>} reports the failure of item
 * {@code <id>}, {@code report-null} one without an identifier</li>
 * <li>{@code hold:<millis>} succeeds after that long, noting how many invocations were running</li>
 * <li>{@code context} notes the function name, ARN, memory and remaining time</li>
 * <li>{@code env:<NAME>} notes that environment variable</li>
 * </ul>
 */
@Named("scripted")
public class ScriptedHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final Path stateDir = Path.of(System.getenv("STATE_DIR"));

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<BatchItemFailure> failures = new ArrayList<>();
        write("invocation " + context.getAwsRequestId() + " " + event.getRecords().size());
        for (SQSMessage message : event.getRecords()) {
            String body = message.getBody();
            String argument = body.contains(":") ? body.substring(body.indexOf(':') + 1) : "";
            String command = body.contains(":") ? body.substring(0, body.indexOf(':')) : body;
            switch (command) {
                case "ok" -> note("processed", message);
                case "fail" -> {
                    note("failed", message);
                    failures.add(new BatchItemFailure(message.getMessageId()));
                }
                case "crash-once" -> {
                    if (firstTime("crashed-" + argument)) {
                        note("crashing", message);
                        Runtime.getRuntime().halt(13);
                    }
                    note("processed", message);
                }
                case "hang-once" -> {
                    if (firstTime("hung-" + argument)) {
                        note("hanging", message);
                        sleep(Long.MAX_VALUE);
                    }
                    note("processed", message);
                }
                case "throw" -> throw new IllegalStateException("asked to throw by " + message.getMessageId());
                case "report" -> failures.add(new BatchItemFailure(argument));
                case "report-null" -> failures.add(new BatchItemFailure(null));
                case "hold" -> hold(Long.parseLong(argument), message, context);
                case "context" -> write(String.join(" ", "context", context.getFunctionName(),
                        context.getInvokedFunctionArn(), String.valueOf(context.getMemoryLimitInMB()),
                        String.valueOf(context.getRemainingTimeInMillis()), context.getAwsRequestId()));
                case "env" -> write("env " + argument + "=" + System.getenv(argument));
                default -> throw new IllegalArgumentException("unknown command " + body);
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void hold(long millis, SQSMessage message, Context context) {
        Path running = stateDir.resolve("running");
        Path mine = running.resolve(context.getAwsRequestId());
        try {
            Files.createDirectories(running);
            Files.createFile(mine);
            try (Stream<Path> all = Files.list(running)) {
                write("concurrency " + all.count());
            }
            sleep(millis);
            note("processed", message);
            Files.delete(mine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean firstTime(String marker) {
        try {
            Files.createFile(stateDir.resolve(marker));
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void note(String what, SQSMessage message) {
        write(what + " " + message.getMessageId() + " " + message.getBody() + " pid=" + ProcessHandle.current().pid());
    }

    private void write(String line) {
        try {
            Files.writeString(stateDir.resolve("journal.log"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
