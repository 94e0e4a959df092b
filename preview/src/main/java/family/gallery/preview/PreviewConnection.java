package family.gallery.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import family.gallery.localaws.LocalAws;
import family.gallery.localaws.Topology;

/**
 * How to reach a running preview, written to its data folder while it runs so that
 * {@code ./gallery admin} (the admin tool's {@code --preview}) can work against it: the process,
 * region, credentials, each service's endpoint, every resource's physical name (a queue's URL),
 * as CloudFormation would list them, and the site's address, as the stack's {@code SiteUrl} output.
 */
final class PreviewConnection {

    static final String FILE = "running.properties";

    private PreviewConnection() {
    }

    static void write(Path dataDirectory, LocalAws stack, java.net.URI siteUrl) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        properties.setProperty("region", stack.region());
        properties.setProperty("accessKeyId", stack.credentials().accessKeyId());
        properties.setProperty("secretAccessKey", stack.credentials().secretAccessKey());
        properties.setProperty("endpoint.s3", stack.s3Endpoint().toString());
        properties.setProperty("endpoint.sqs", stack.sqsEndpoint().toString());
        properties.setProperty("endpoint.dynamodb", stack.dynamoDbEndpoint().toString());
        Topology topology = stack.topology();
        topology.buckets().forEach(bucket -> properties.setProperty("resource." + bucket.logicalId(), bucket.name()));
        topology.tables().forEach(table -> properties.setProperty("resource." + table.logicalId(), table.name()));
        topology.queues().forEach(queue -> properties.setProperty("resource." + queue.logicalId(), queue.url()));
        properties.setProperty("output.SiteUrl", siteUrl.toString());
        Path file = dataDirectory.resolve(FILE);
        Path partial = dataDirectory.resolve(FILE + ".partial");
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by ./gallery preview while it runs; read by ./gallery admin");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + partial, e);
        }
        try {
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void remove(Path dataDirectory) {
        try {
            Files.deleteIfExists(dataDirectory.resolve(FILE));
        } catch (IOException e) {
            // A stale file names a process that is gone, which the admin tool recognises.
        }
    }
}
