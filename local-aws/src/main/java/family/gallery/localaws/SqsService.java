package family.gallery.localaws;

import java.util.HashMap;
import java.util.Map;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** ElasticMQ, speaking SQS's JSON and query protocols, with queue URLs and ARNs on 127.0.0.1. */
final class SqsService implements AutoCloseable {

    private final SQSRestServer server;
    private final HostCheckingRelay relay;

    private SqsService(SQSRestServer server, HostCheckingRelay relay) {
        this.server = server;
        this.relay = relay;
    }

    /** ElasticMQ on a private port, reached through a relay on {@code port} that checks each connection's Host. */
    static SqsService start(int port, String region, String accountId) {
        SQSRestServer server;
        int privatePort;
        try {
            server = SQSRestServerBuilder.withInterface(Ports.HOST).withPort(0)
                    // Queue URLs name the public port.
                    .withServerAddress(new NodeAddress("http", Ports.HOST, port, ""))
                    .withAWSRegion(region).withAWSAccountId(accountId).start();
            privatePort = server.waitUntilStarted().localAddress().getPort();
        } catch (Exception e) {
            throw new LocalAwsException("ElasticMQ did not start: " + e.getMessage(), e);
        }
        try {
            return new SqsService(server, HostCheckingRelay.start("SQS", port, privatePort));
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw e;
        }
    }

    /**
     * Creates the queues first and gives them their redrive policies after, since a policy may name a
     * dead-letter queue that comes later in the template.
     */
    static void createQueues(SqsClient sqs, Topology topology) {
        for (Topology.Queue queue : topology.queues()) {
            Map<String, String> attributes = new HashMap<>(queue.attributes());
            attributes.remove("RedrivePolicy");
            sqs.createQueue(request -> request.queueName(queue.name()).attributesWithStrings(attributes));
        }
        for (Topology.Queue queue : topology.queues()) {
            String redrive = queue.attributes().get("RedrivePolicy");
            if (redrive != null) {
                sqs.setQueueAttributes(request -> request.queueUrl(queue.url())
                        .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive)));
            }
        }
    }

    @Override
    public void close() {
        relay.close();
        server.stopAndWait();
    }
}
