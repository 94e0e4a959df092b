package family.gallery.locallambda.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import family.gallery.locallambda.FunctionDefinition;
import family.gallery.locallambda.TestFunctions;
import family.gallery.locallambda.sqs.SqsEventSourceMapping;
import family.gallery.template.IntrinsicResolver;
import family.gallery.template.Nodes;
import family.gallery.template.ResourceReferences;
import family.gallery.template.StackIdentity;
import family.gallery.template.StackTemplate;
import family.gallery.template.StackTemplate.Resource;
import family.gallery.template.TemplateException;

class LambdaTopologyTest {

    private static final Path DIR = Path.of("/stack");
    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:000000000000:";

    /** Names as a stack named "test" would give them: queues by URL and ARN, everything else by logical id. */
    private static final ResourceReferences NAMES = new ResourceReferences() {
        @Override
        public String ref(Resource resource) {
            return resource.type().equals("AWS::SQS::Queue") ? "http://sqs.local/" + resource.logicalId()
                    : "test-" + resource.logicalId();
        }

        @Override
        public String attribute(Resource resource, String attribute) {
            return attribute.equals("Arn") && resource.type().equals("AWS::SQS::Queue") ? QUEUE_ARN + resource.logicalId()
                    : resource.logicalId() + "." + attribute;
        }
    };

    private static LambdaTopology read(StackTemplate template, Map<String, String> parameters) {
        return LambdaTopology.read(template, DIR,
                new IntrinsicResolver(template, StackIdentity.local("test", "eu-west-1"), parameters, NAMES));
    }

    private static LambdaTopology read(String yaml) {
        return read(StackTemplate.parse(yaml), Map.of());
    }

    @Test
    void theProjectTemplatesSqsFunctionsReportBatchItemFailuresAndTheirQueuesOutwaitThem() {
        StackTemplate template = StackTemplate.load(TestFunctions.projectRoot().resolve("template.yaml"));
        LambdaTopology topology = read(template, Map.of());

        assertFalse(topology.sqsMappings().isEmpty());
        for (SqsEventSourceMapping mapping : topology.sqsMappings()) {
            assertTrue(mapping.reportBatchItemFailures(), mapping.toString());
            String queue = mapping.queueArn().substring(QUEUE_ARN.length());
            int visibility = Integer.parseInt(Nodes.asString(template.requireResource(queue).property("VisibilityTimeout")
                    .orElse(30), queue));
            FunctionDefinition function = topology.functions().stream()
                    .filter(f -> f.name().equals(mapping.functionName())).findFirst().orElseThrow();
            assertTrue(visibility >= function.timeoutSeconds(), queue + " must outwait " + function.name());
            assertTrue(template.requireResource(queue).property("RedrivePolicy").isPresent(), queue + " has a dead-letter queue");
        }
    }

    @Test
    void theProjectTemplatesFunctionsComeFromTheirModulesWithTheGlobalEnvironment() {
        LambdaTopology topology = read(StackTemplate.load(TestFunctions.projectRoot().resolve("template.yaml")),
                Map.of("QuietPeriodSeconds", "7"));

        FunctionDefinition siteBuilder = topology.functions().stream()
                .filter(f -> f.name().equals("test-SiteBuilderFunction")).findFirst().orElseThrow();
        assertEquals(DIR.resolve("site-builder-function/target/function.zip"), siteBuilder.codeZip());
        assertEquals("test-CatalogTable", siteBuilder.environment().get("CATALOG_TABLE"));
        assertEquals("http://sqs.local/RebuildQueue", siteBuilder.environment().get("REBUILD_QUEUE_URL"));
        assertEquals("7", siteBuilder.environment().get("QUIET_PERIOD_SECONDS"));
        assertTrue(topology.sqsMappings().stream().anyMatch(m -> m.functionName().equals(siteBuilder.name())
                && m.queueArn().equals(QUEUE_ARN + "RebuildQueue")));
    }

    @Test
    void whatAFunctionLeavesOutComesFromGlobalsThenLambdasDefaults() {
        LambdaTopology topology = read("""
                Globals:
                  Function:
                    Timeout: 30
                    Environment:
                      Variables:
                        SHARED: from-globals
                        OVERRIDDEN: from-globals
                Resources:
                  Plain:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: plain/target/function.zip
                      Environment:
                        Variables:
                          OVERRIDDEN: !Ref Queue
                          NUMBER: 42
                      Events:
                        Work:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                        Web:
                          Type: Api
                          Properties:
                            Path: /
                            Method: get
                  Queue:
                    Type: AWS::SQS::Queue
                """);

        assertEquals(List.of(new FunctionDefinition("test-Plain", DIR.resolve("plain/target/function.zip"), 128, 30,
                Map.of("SHARED", "from-globals", "OVERRIDDEN", "http://sqs.local/Queue", "NUMBER", "42"))),
                topology.functions());
        assertEquals(List.of(new SqsEventSourceMapping("test-Plain", QUEUE_ARN + "Queue", 10, 0, false,
                OptionalInt.empty(), true)), topology.sqsMappings());
    }

    @Test
    void aMappingTakesItsBatchingWindowResponseTypesConcurrencyAndState() {
        LambdaTopology topology = read("""
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: worker.zip
                      MemorySize: 2048
                      Timeout: 900
                      Events:
                        Work:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                            BatchSize: 250
                            MaximumBatchingWindowInSeconds: 20
                            FunctionResponseTypes: [ReportBatchItemFailures]
                            ScalingConfig:
                              MaximumConcurrency: 3
                            Enabled: false
                  Queue:
                    Type: AWS::SQS::Queue
                """);

        assertEquals(2048, topology.functions().get(0).memorySizeMb());
        assertEquals(900, topology.functions().get(0).timeoutSeconds());
        assertEquals(List.of(new SqsEventSourceMapping("test-Worker", QUEUE_ARN + "Queue", 250, 20, true,
                OptionalInt.of(3), false)), topology.sqsMappings());
    }

    @Test
    void aFunctionWhoseConditionIsFalseIsLeftOutWithItsMappings() {
        LambdaTopology topology = read("""
                Parameters:
                  Extra:
                    Type: String
                    Default: "no"
                Conditions:
                  WantExtra: !Equals [!Ref Extra, "yes"]
                Resources:
                  ExtraFunction:
                    Type: AWS::Serverless::Function
                    Condition: WantExtra
                    Properties:
                      CodeUri: extra.zip
                      Events:
                        Work:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                  Queue:
                    Type: AWS::SQS::Queue
                """);

        assertEquals(List.of(), topology.functions());
        assertEquals(List.of(), topology.sqsMappings());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BatchSize: 50|needs a MaximumBatchingWindowInSeconds",
        "BatchSize: 0|BatchSize must be 1 to 10000",
        "MaximumBatchingWindowInSeconds: 301|MaximumBatchingWindowInSeconds must be 0 to 300",
        "ScalingConfig: {MaximumConcurrency: 1}|MaximumConcurrency must be 2 to 1000",
        "BatchSize: ten|BatchSize must be a whole number",
        "FilterCriteria: {Filters: [{Pattern: '{}'}]}|FilterCriteria is not served locally",
    })
    void aMappingLambdaWouldRefuseIsRefused(String property, String complaint) {
        assertRefused(complaint, """
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: worker.zip
                      Events:
                        Work:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:eu-west-1:000000000000:work
                            %s
                """.formatted(property));
    }

    /** Properties separated by "; " go on lines of their own. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CodeUri: {Bucket: b, Key: k}|CodeUri must be the path of a deployment package",
        "CodeUri: w.zip; MemorySize: 64|MemorySize must be 128 to 10240",
        "CodeUri: w.zip; Timeout: 901|Timeout must be 1 to 900",
        "Handler: x|CodeUri must be the path of a deployment package",
    })
    void aFunctionLambdaWouldRefuseIsRefused(String properties, String complaint) {
        assertRefused(complaint, """
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      %s
                """.formatted(properties.replace("; ", "\n      ")));
    }

    @Test
    void aPlainLambdaFunctionIsRefusedRatherThanSilentlyMissing() {
        assertRefused("Raw: only AWS::Serverless::Function", """
                Resources:
                  Raw:
                    Type: AWS::Lambda::Function
                    Properties:
                      Code: {ZipFile: "x"}
                """);
    }

    private static void assertRefused(String complaint, String yaml) {
        TemplateException refused = assertThrows(TemplateException.class, () -> read(yaml));
        assertTrue(refused.getMessage().contains(complaint), refused.getMessage());
    }
}
