package family.gallery.locallambda.sqs;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** An embedded ElasticMQ on 127.0.0.1 and a client for it. */
final class LocalSqs implements AutoCloseable {

    static final String REGION = "eu-west-1";
    private static final AtomicInteger QUEUES = new AtomicInteger();

    private final SQSRestServer server;
    final SqsClient client;

    LocalSqs() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().withAWSRegion(REGION).start();
        int port = server.waitUntilStarted().localAddress().getPort();
        client = SqsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A queue with its own dead-letter queue, as the template declares them. */
    record QueuePair(String url, String arn, String deadLetterUrl) {
    }

    QueuePair queueWithDeadLetterQueue(int visibilityTimeoutSeconds, int maxReceiveCount) {
        String name = "queue-" + QUEUES.incrementAndGet();
        String deadLetterUrl = client.createQueue(request -> request.queueName(name + "-dlq")).queueUrl();
        String deadLetterArn = arn(deadLetterUrl);
        String url = client.createQueue(request -> request.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn
                        + "\",\"maxReceiveCount\":" + maxReceiveCount + "}"))).queueUrl();
        return new QueuePair(url, arn(url), deadLetterUrl);
    }

    String arn(String queueUrl) {
        return client.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    void send(String queueUrl, String... bodies) {
        for (String body : bodies) {
            client.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
        }
    }

    /** Visible plus in flight plus delayed: zero once every message is deleted or moved. */
    int messagesLeft(String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    java.util.List<Message> receiveAll(String queueUrl) {
        return client.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
                .messageSystemAttributeNamesWithStrings("All").messageAttributeNames("All")).messages();
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
