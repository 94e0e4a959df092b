package family.gallery.admin;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The services of a running {@code ./gallery preview}, read from the file it keeps in its data
 * folder while it runs: endpoints, credentials and the names of the stack's resources.
 */
final class PreviewServices {

    static final String FILE = "running.properties";

    private PreviewServices() {
    }

    static AwsServices of(Path dataDirectory) {
        Properties running = read(dataDirectory);
        String region = running.getProperty("region");
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                running.getProperty("accessKeyId"), running.getProperty("secretAccessKey")));
        Map<String, String> resources = new HashMap<>();
        running.stringPropertyNames().stream().filter(name -> name.startsWith("resource."))
                .forEach(name -> resources.put(name.substring("resource.".length()), running.getProperty(name)));
        running.stringPropertyNames().stream().filter(name -> name.startsWith("output."))
                .forEach(name -> resources.put(name, running.getProperty(name)));
        return new AwsServices(
                local(DynamoDbClient.builder(), running, "dynamodb", region, credentials).build(),
                local(S3Client.builder(), running, "s3", region, credentials).forcePathStyle(true).build(),
                local(SqsClient.builder(), running, "sqs", region, credentials).build(),
                stack -> Optional.of(resources));
    }

    private static Properties read(Path dataDirectory) {
        Properties running = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDirectory.resolve(FILE), StandardCharsets.UTF_8)) {
            running.load(reader);
        } catch (NoSuchFileException e) {
            throw notRunning(dataDirectory);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + dataDirectory.resolve(FILE) + ": " + e.getMessage());
        }
        long pid;
        try {
            pid = Long.parseLong(running.getProperty("pid", ""));
        } catch (NumberFormatException e) {
            throw notRunning(dataDirectory);
        }
        // A preview stopped hard (kill -9, a power cut) leaves its file behind: its process tells.
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            throw notRunning(dataDirectory);
        }
        return running;
    }

    private static IllegalArgumentException notRunning(Path dataDirectory) {
        return new IllegalArgumentException("No preview is running with its data in " + dataDirectory
                + ": start one with ./gallery preview (or give the --data-dir it was started with).");
    }

    private static <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B local(B builder, Properties running,
            String service, String region, StaticCredentialsProvider credentials) {
        return builder.httpClient(UrlConnectionHttpClient.create()).region(Region.of(region)).credentialsProvider(credentials)
                .endpointOverride(URI.create(running.getProperty("endpoint." + service)));
    }
}
