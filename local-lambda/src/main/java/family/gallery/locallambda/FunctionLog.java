package family.gallery.locallambda;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * What one function's processes print, plus Lambda's START/END/REPORT lines, in
 * {@code logs/<function>.log}: the local stand-in for the function's log group.
 */
final class FunctionLog implements AutoCloseable {

    private final String functionName;
    private final Path file;
    private final BufferedWriter writer;
    private final boolean echo;

    FunctionLog(String functionName, Path dir, boolean echo) {
        this.functionName = functionName;
        this.file = dir.resolve(functionName + ".log");
        this.echo = echo;
        try {
            Files.createDirectories(dir);
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    Path file() {
        return file;
    }

    synchronized void line(String environmentId, String text) {
        String line = Instant.now() + " " + environmentId + " " + text;
        try {
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            // The log is for people; losing a line must never fail an invocation.
        }
        if (echo) {
            System.err.println("[" + functionName + "] " + line);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // nothing left to write to
        }
    }
}
