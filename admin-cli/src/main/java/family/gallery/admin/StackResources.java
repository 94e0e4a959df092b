package family.gallery.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;

/**
 * The names of the stack's resources: a name given on the command line wins, any other comes from
 * the stack, by the resource's logical id in template.yaml. The stack is asked at most once, and
 * only when a name is missing.
 */
final class StackResources {

    static final String DEFAULT_STACK = "family-gallery";

    static final String ACCOUNTS_TABLE = "AccountsTable";
    static final String CATALOG_TABLE = "CatalogTable";
    static final String SOURCE_BUCKET = "SourceBucket";
    static final String RESIZE_QUEUE = "ResizeQueue";
    static final String REBUILD_QUEUE = "RebuildQueue";
    static final String VIDEO_QUEUE = "VideoQueue";
    static final String RESIZE_DEAD_LETTER_QUEUE = "ResizeDeadLetterQueue";
    static final String REBUILD_DEAD_LETTER_QUEUE = "RebuildDeadLetterQueue";
    static final String VIDEO_DEAD_LETTER_QUEUE = "VideoDeadLetterQueue";
    /** The stack's output, listed with the resources. */
    static final String SITE_URL = "output.SiteUrl";

    private final String stack;
    /** A stack's physical resource ids by logical id; empty when there is no such stack. */
    private final Function<String, Optional<Map<String, String>>> lookup;
    private Map<String, String> physicalIds;

    StackResources(String stack, Function<String, Optional<Map<String, String>>> lookup) {
        this.stack = stack;
        this.lookup = lookup;
    }

    /** The given name, else the physical id of the stack's resource (for a queue, its URL). */
    String name(String logicalId, String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (physicalIds == null) {
            physicalIds = lookup.apply(stack).orElseThrow(() -> new IllegalArgumentException("There is no stack named \""
                    + stack + "\" in this account and region: give --stack or set GALLERY_STACK."));
        }
        String name = physicalIds.get(logicalId);
        if (name == null && logicalId.equals(SITE_URL)) {
            throw new IllegalArgumentException("Stack \"" + stack + "\" has no SiteUrl output: give --site-url.");
        }
        if (name == null) {
            throw new IllegalArgumentException("Stack \"" + stack + "\" has no resource " + logicalId + ".");
        }
        return name;
    }

    /**
     * The stack's resources as CloudFormation lists them (paged, as a stack may hold more than 100),
     * and its outputs as {@code output.<key>}.
     */
    static Optional<Map<String, String>> fromCloudFormation(CloudFormationClient cloudFormation, String stack) {
        try {
            Map<String, String> ids = new HashMap<>();
            cloudFormation.listStackResourcesPaginator(r -> r.stackName(stack)).stackResourceSummaries()
                    .forEach(resource -> ids.put(resource.logicalResourceId(), resource.physicalResourceId()));
            cloudFormation.describeStacks(r -> r.stackName(stack)).stacks().forEach(described -> described.outputs()
                    .forEach(output -> ids.put("output." + output.outputKey(), output.outputValue())));
            return Optional.of(ids);
        } catch (CloudFormationException e) {
            // CloudFormation's only word for an unknown stack: a ValidationError saying so.
            if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
