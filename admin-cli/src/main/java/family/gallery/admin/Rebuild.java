package family.gallery.admin;

import family.gallery.ingest.Routing;
import picocli.CommandLine.Command;

@Command(name = "rebuild", description = "Ask for a site build, as a change to the catalog does.")
final class Rebuild extends PipelineCommand {

    @Override
    public Integer call() {
        String queue = queueUrl(StackResources.REBUILD_QUEUE);
        services().sqs().sendMessage(r -> r.queueUrl(queue).messageBody(Routing.CATALOG_CHANGED));
        out().println("Asked for a site build. It renders every page from the catalog, once the pipeline has been"
                + " quiet for the stack's QuietPeriodSeconds, and uploads the pages that changed.");
        return 0;
    }
}
