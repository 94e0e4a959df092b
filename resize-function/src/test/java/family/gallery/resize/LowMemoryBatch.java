package family.gallery.resize;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import family.gallery.catalog.PhotoCatalog;
import family.gallery.ingest.MediaKey;
import family.gallery.resize.image.PhotoRenderer;
import family.gallery.resize.storage.RebuildNotices;
import family.gallery.resize.storage.RenditionStore;
import family.gallery.resize.storage.SourcePhotos;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One batch of the photo pipeline in a JVM with a heap far smaller than a photo of the batch needs,
 * run by {@code ResizeOnLocalStackTest} in its own process. Arguments: a properties file naming the
 * stack (endpoints, credentials, resources), then files holding the SQS message bodies of the
 * batch. Prints the number of the batch's item failures.
 */
public final class LowMemoryBatch {

    private LowMemoryBatch() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Properties stack = new java.util.Properties();
        try (var reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            stack.load(reader);
        }
        S3Client s3 = client(S3Client.builder().forcePathStyle(true), stack, "s3");
        DynamoDbClient dynamo = client(DynamoDbClient.builder(), stack, "dynamodb");
        SqsClient sqs = client(SqsClient.builder(), stack, "sqs");
        SourcePhotos source = new SourcePhotos(s3, stack.getProperty("sourceBucket"));
        RenditionStore renditions = new RenditionStore(s3, stack.getProperty("resizedBucket"));
        CatalogUpdater updater = new CatalogUpdater(MediaKey.Kind.PHOTO, new PhotoProcessor(source, renditions,
                new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS), 150_000_000, Clock.systemUTC()), source, renditions,
                new PhotoCatalog(dynamo, stack.getProperty("catalogTable")), Clock.systemUTC());
        MediaBatch batch = new MediaBatch(updater, new RebuildNotices(sqs, stack.getProperty("rebuildQueueUrl")), Optional.empty());

        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("message-" + i);
            message.setBody(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8));
            message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        SQSBatchResponse response = batch.process(event, Instant.now().plusSeconds(120));
        System.out.println(response.getBatchItemFailures().size() + " failures");
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, java.util.Properties stack, String service) {
        return builder.endpointOverride(URI.create(stack.getProperty("endpoint." + service)))
                .region(Region.of(stack.getProperty("region")))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(stack.getProperty("accessKeyId"), stack.getProperty("secretAccessKey"))))
                .build();
    }
}
