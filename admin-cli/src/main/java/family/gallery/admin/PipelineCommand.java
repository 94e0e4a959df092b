package family.gallery.admin;

import picocli.CommandLine.Option;

/** Base of the commands on the pipeline: its bucket, table and queues, named by the stack unless given here. */
abstract class PipelineCommand extends AdminCli.AwsCommand {

    @Option(names = "--source-bucket", description = "The originals' bucket (default: the stack's SourceBucket).")
    String sourceBucket;

    @Option(names = "--catalog-table", description = "The catalog table (default: the stack's CatalogTable).")
    String catalogTable;

    @Option(names = "--resize-queue-url", description = "Default: the stack's ResizeQueue.")
    String resizeQueueUrl;

    @Option(names = "--rebuild-queue-url", description = "Default: the stack's RebuildQueue.")
    String rebuildQueueUrl;

    @Option(names = "--video-queue-url", description = "Default: the stack's VideoQueue.")
    String videoQueueUrl;

    @Option(names = "--resize-dlq-url", description = "Default: the stack's ResizeDeadLetterQueue.")
    String resizeDeadLetterQueueUrl;

    @Option(names = "--rebuild-dlq-url", description = "Default: the stack's RebuildDeadLetterQueue.")
    String rebuildDeadLetterQueueUrl;

    @Option(names = "--video-dlq-url", description = "Default: the stack's VideoDeadLetterQueue.")
    String videoDeadLetterQueueUrl;

    String sourceBucket() {
        return resources().name(StackResources.SOURCE_BUCKET, sourceBucket);
    }

    String catalogTable() {
        return resources().name(StackResources.CATALOG_TABLE, catalogTable);
    }

    /** @param logicalId one of the template's six queues */
    String queueUrl(String logicalId) {
        String given = switch (logicalId) {
            case StackResources.RESIZE_QUEUE -> resizeQueueUrl;
            case StackResources.REBUILD_QUEUE -> rebuildQueueUrl;
            case StackResources.RESIZE_DEAD_LETTER_QUEUE -> resizeDeadLetterQueueUrl;
            case StackResources.REBUILD_DEAD_LETTER_QUEUE -> rebuildDeadLetterQueueUrl;
            case StackResources.VIDEO_QUEUE -> videoQueueUrl;
            case StackResources.VIDEO_DEAD_LETTER_QUEUE -> videoDeadLetterQueueUrl;
            default -> throw new IllegalStateException("not a queue of the stack: " + logicalId);
        };
        return resources().name(logicalId, given);
    }

    /** {@code 1 photo}, {@code 3 photos}. */
    static String count(int number, String noun) {
        return count(number, noun, noun + "s");
    }

    static String count(int number, String singular, String plural) {
        return number + " " + (number == 1 ? singular : plural);
    }
}
