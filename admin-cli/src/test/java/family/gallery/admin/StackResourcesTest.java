package family.gallery.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.ListStackResourcesRequest;
import software.amazon.awssdk.services.cloudformation.model.ListStackResourcesResponse;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

/** The stack's resources and outputs as CloudFormation answers for them, and the names taken from them. */
class StackResourcesTest {

    /**
     * A CloudFormation that knows one stack, "family-gallery", and answers the two calls the tool makes
     * (every method of the SDK's client interface is a default one, refusing unless overridden).
     */
    private static CloudFormationClient cloudFormation(List<String> calls) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object request = args == null || args.length == 0 ? null : args[0];
            if (method.getName().equals("listStackResources") && request instanceof ListStackResourcesRequest list) {
                calls.add("ListStackResources " + list.stackName() + " " + list.nextToken());
                requireStack(list.stackName());
                // Two pages, as CloudFormation pages a stack of more than 100 resources.
                return list.nextToken() == null
                        ? ListStackResourcesResponse.builder().nextToken("page-2").stackResourceSummaries(
                                resource("AccountsTable", "family-gallery-AccountsTable-1ABC")).build()
                        : ListStackResourcesResponse.builder().stackResourceSummaries(
                                resource("RebuildQueue", "https://sqs.eu-west-1.amazonaws.com/123456789012/rebuild")).build();
            }
            if (method.getName().equals("describeStacks") && request instanceof DescribeStacksRequest describe) {
                calls.add("DescribeStacks " + describe.stackName());
                requireStack(describe.stackName());
                return DescribeStacksResponse.builder().stacks(Stack.builder().stackName(describe.stackName()).outputs(
                        Output.builder().outputKey("SiteUrl").outputValue("https://d111111abcdef8.cloudfront.net").build(),
                        Output.builder().outputKey("SourceBucketName").outputValue("family-gallery-source").build()).build())
                        .build();
            }
            // The client's other methods, among them the paginators and the builder-taking forms, which call the two above.
            return InvocationHandler.invokeDefault(proxy, method, args);
        };
        return (CloudFormationClient) Proxy.newProxyInstance(StackResourcesTest.class.getClassLoader(),
                new Class<?>[] {CloudFormationClient.class}, handler);
    }

    private static StackResourceSummary resource(String logicalId, String physicalId) {
        return StackResourceSummary.builder().logicalResourceId(logicalId).physicalResourceId(physicalId).build();
    }

    private static void requireStack(String name) {
        if (!name.equals("family-gallery")) {
            throw CloudFormationException.builder().message("Stack with id " + name + " does not exist").statusCode(400).build();
        }
    }

    @Test
    void resourcesComeFromEveryPageAndOutputsFromTheStacksDescription() {
        List<String> calls = new ArrayList<>();
        Map<String, String> ids = StackResources.fromCloudFormation(cloudFormation(calls), "family-gallery").orElseThrow();
        assertEquals(Map.of("AccountsTable", "family-gallery-AccountsTable-1ABC",
                "RebuildQueue", "https://sqs.eu-west-1.amazonaws.com/123456789012/rebuild",
                "output.SiteUrl", "https://d111111abcdef8.cloudfront.net",
                "output.SourceBucketName", "family-gallery-source"), ids);
        assertEquals(List.of("ListStackResources family-gallery null", "ListStackResources family-gallery page-2",
                "DescribeStacks family-gallery"), calls);

        assertEquals(Optional.empty(), StackResources.fromCloudFormation(cloudFormation(calls), "old-gallery"));
    }

    @Test
    void aGivenNameWinsAndTheStackIsAskedOnceAndOnlyWhenANameIsMissing() {
        List<String> calls = new ArrayList<>();
        CloudFormationClient client = cloudFormation(calls);
        StackResources resources = new StackResources("family-gallery", stack -> StackResources.fromCloudFormation(client, stack));
        assertEquals("https://photos.example.org", resources.name(StackResources.SITE_URL, "https://photos.example.org"));
        assertEquals(List.of(), calls);
        assertEquals("https://d111111abcdef8.cloudfront.net", resources.name(StackResources.SITE_URL, null));
        assertEquals("family-gallery-AccountsTable-1ABC", resources.name(StackResources.ACCOUNTS_TABLE, " "));
        assertEquals(3, calls.size(), calls.toString());

        var noOutput = new StackResources("family-gallery", stack -> Optional.of(Map.of("AccountsTable", "t")));
        assertEquals("Stack \"family-gallery\" has no SiteUrl output: give --site-url.",
                assertThrows(IllegalArgumentException.class, () -> noOutput.name(StackResources.SITE_URL, null)).getMessage());
        var noStack = new StackResources("old-gallery", stack -> StackResources.fromCloudFormation(client, stack));
        assertEquals("There is no stack named \"old-gallery\" in this account and region: give --stack or set GALLERY_STACK.",
                assertThrows(IllegalArgumentException.class, () -> noStack.name(StackResources.SITE_URL, null)).getMessage());
    }
}
