package family.gallery.template.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import family.gallery.template.Nodes;
import family.gallery.template.StackTemplate;

/**
 * template.yaml against the official specifications: SAM resources and Globals against the SAM
 * project's sam.schema.json, every other resource against CloudFormation's resource specification
 * (each property name, type and required property).
 */
class TemplateMatchesSpecificationsTest {

    /** The npm package that ships CloudFormation's resource specification, pinned for repeatable checks. */
    private static final String SPEC_PACKAGE = "@aws-cdk/aws-service-spec@0.1.216";

    private static CloudFormationSpec cloudFormation;
    private static SamSchema sam;

    @BeforeAll
    static void loadSpecifications() throws Exception {
        Path templateFile = StackTemplate.locate();
        Path samSchema = templateFile.getParent().resolveSibling("shared").resolve("schemas/sam.schema.json");
        assertTrue(Files.isRegularFile(samSchema), "the SAM schema is expected at " + samSchema);
        sam = SamSchema.load(samSchema);
        cloudFormation = CloudFormationSpec.load(fetchResourceSpecification());
    }

    /** npm pack downloads the package into target/ once; later runs reuse it. */
    private static Path fetchResourceSpecification() throws IOException, InterruptedException {
        Path dir = Path.of("target", "aws-service-spec").toAbsolutePath();
        Path db = dir.resolve("package/db.json.gz");
        if (Files.isRegularFile(db)) {
            return db;
        }
        Files.createDirectories(dir);
        run(dir, "npm", "pack", "--silent", SPEC_PACKAGE);
        try (var files = Files.list(dir)) {
            Path tarball = files.filter(f -> f.toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("npm pack left no tarball in " + dir));
            run(dir, "tar", "xzf", tarball.getFileName().toString(), "package/db.json.gz");
        }
        return db;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
        }
    }

    @Test
    void everyResourceAndTheGlobalsConform() {
        StackTemplate template = StackTemplate.load(StackTemplate.locate());
        List<String> problems = new ArrayList<>(sam.checkGlobals(template.section("Globals")));
        template.section("Resources").forEach((logicalId, body) -> problems.addAll(check(logicalId, Nodes.asMap(body, logicalId))));
        assertEquals(List.of(), problems);
    }

    @Test
    void theChecksCatchWhatIsWrong() {
        List<String> problems = new ArrayList<>();
        problems.addAll(check("Misspelt", Map.of("Type", "AWS::SQS::Queue", "Properties", Map.of("VisibilityTimout", 30))));
        problems.addAll(check("WrongType", Map.of("Type", "AWS::SQS::Queue", "Properties", Map.of("VisibilityTimeout", List.of(1)))));
        problems.addAll(check("MissingRequired", Map.of("Type", "AWS::SNS::Subscription", "Properties", Map.of("Protocol", "sqs"))));
        problems.addAll(check("UnknownType", Map.of("Type", "AWS::S3::Bukket")));
        problems.addAll(check("BadFunction", Map.of("Type", "AWS::Serverless::Function", "Properties", Map.of("MemorySise", 512))));

        assertEquals(5, problems.stream().map(p -> p.substring(0, p.indexOf(':'))).distinct().count(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("unknown property VisibilityTimout")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("missing required property TopicArn")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("unknown resource type AWS::S3::Bukket")), problems::toString);
    }

    @Test
    void intrinsicFunctionsStandForAnyValue() {
        assertEquals(List.of(), check("Queue", Map.of("Type", "AWS::SQS::Queue",
                "Properties", Map.of("VisibilityTimeout", Map.of("Ref", "Timeout"), "QueueName", Map.of("Fn::Sub", "${AWS::StackName}-q")))));
    }

    private static List<String> check(String logicalId, Map<String, Object> resource) {
        String type = String.valueOf(resource.get("Type"));
        if (type.startsWith("AWS::Serverless::")) {
            return sam.checkResource(logicalId, resource);
        }
        if (type.startsWith("Custom::")) {
            return List.of(); // a custom resource's properties are its handler's to define
        }
        return cloudFormation.check(logicalId, resource);
    }
}
