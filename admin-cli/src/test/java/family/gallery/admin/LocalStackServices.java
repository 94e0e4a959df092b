package family.gallery.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import family.gallery.localaws.LocalAws;
import family.gallery.localaws.Topology;

/**
 * The local stack as the commands see AWS: its clients, and its buckets, queues and tables by logical
 * id under its stack name, where CloudFormation would list them.
 */
final class LocalStackServices {

    /** What CloudFormation would list as the stack's SiteUrl output. */
    static final String SITE_URL = "https://d111111abcdef8.cloudfront.net";

    private LocalStackServices() {
    }

    static AwsServices of(LocalAws stack) {
        return of(stack, true);
    }

    /** As a stack deployed from a template without the SiteUrl output would be listed. */
    static AwsServices withoutSiteUrl(LocalAws stack) {
        return of(stack, false);
    }

    private static AwsServices of(LocalAws stack, boolean siteUrl) {
        Map<String, String> ids = resourceIds(stack);
        if (siteUrl) {
            ids.put(StackResources.SITE_URL, SITE_URL);
        }
        Topology topology = stack.topology();
        return new AwsServices(stack.dynamoDb(), stack.s3(), stack.sqs(),
                name -> name.equals(topology.identity().stackName()) ? Optional.of(ids) : Optional.empty());
    }

    /** The physical name of each bucket, queue (its URL) and table, by logical id. */
    static Map<String, String> resourceIds(LocalAws stack) {
        Topology topology = stack.topology();
        Map<String, String> ids = new HashMap<>();
        topology.buckets().forEach(bucket -> ids.put(bucket.logicalId(), bucket.name()));
        topology.queues().forEach(queue -> ids.put(queue.logicalId(), queue.url()));
        topology.tables().forEach(table -> ids.put(table.logicalId(), table.name()));
        return ids;
    }
}
