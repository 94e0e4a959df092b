package family.gallery.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IntrinsicResolverTest {

    private static final StackIdentity IDENTITY = new StackIdentity("demo", "eu-west-1", "111122223333", "aws",
            "amazonaws.com", "arn:aws:cloudformation:eu-west-1:111122223333:stack/demo/8e1f3a2c-1b2d-4c5e-9f00-aabbccddeeff");

    private static final StackTemplate TEMPLATE = StackTemplate.parse("""
            Parameters:
              Quiet:
                Type: Number
                Default: 60
              Title:
                Type: String
                Default: My Photos
              NoDefault:
                Type: String
              Email:
                Type: String
                Default: ""
            Conditions:
              HasEmail: !Not [!Equals [!Ref Email, ""]]
              QuietAndEmail: !And [!Condition HasEmail, !Equals [!Ref Quiet, 60]]
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Join
                    - "-"
                    - - source
                      - !Select [0, !Split ["-", !Select [2, !Split ["/", !Ref AWS::StackId]]]]
              Queue:
                Type: AWS::SQS::Queue
              Loop:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !GetAtt Loop.QueueName
              Values:
                Type: Test::Values
                Properties:
                  SubString: !Sub "${AWS::StackName}/${Bucket}/${Queue.Arn}/${!Literal}/${Title}"
                  SubList: !Sub
                    - "${Name}-${AWS::Region}-${Quiet}"
                    - Name: !Ref Bucket
                  Partition: !Sub "arn:${AWS::Partition}:s3:::x.${AWS::URLSuffix}/${AWS::AccountId}"
                  Nothing: !Ref AWS::NoValue
                  List: [a, !Ref AWS::NoValue, !GetAtt [Queue, QueueName]]
                  Selected: !Select ["1", [x, y, z]]
                  Chosen: !If [HasEmail, !Ref Email, !Ref AWS::NoValue]
            """);

    /** Buckets are named by their BucketName property, queues get a generated name, as CloudFormation does. */
    private static final class Names implements ResourceReferences {
        private IntrinsicResolver resolver;

        @Override
        public String ref(StackTemplate.Resource resource) {
            return resource.type().equals("AWS::S3::Bucket")
                    ? resolver.resolveString(resource.properties().get("BucketName"), "BucketName")
                    : "https://queue/" + attribute(resource, "QueueName");
        }

        @Override
        public String attribute(StackTemplate.Resource resource, String attribute) {
            String name = resource.property("QueueName").map(n -> resolver.resolveString(n, "QueueName"))
                    .orElse("demo-" + resource.logicalId());
            return switch (attribute) {
                case "QueueName" -> name;
                case "Arn" -> "arn:aws:sqs:eu-west-1:111122223333:" + name;
                default -> throw new TemplateException("no attribute " + attribute);
            };
        }
    }

    private static IntrinsicResolver resolver(Map<String, String> overrides) {
        Names names = new Names();
        names.resolver = new IntrinsicResolver(TEMPLATE, IDENTITY, overrides, names);
        return names.resolver;
    }

    @Test
    void resolvesEveryFunctionTheTemplateUses() {
        IntrinsicResolver resolver = resolver(Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) resolver.resolve(TEMPLATE.requireResource("Values").properties());

        assertEquals("demo/source-8e1f3a2c/arn:aws:sqs:eu-west-1:111122223333:demo-Queue/${Literal}/My Photos",
                values.get("SubString"));
        assertEquals("source-8e1f3a2c-eu-west-1-60", values.get("SubList"));
        assertEquals("arn:aws:s3:::x.amazonaws.com/111122223333", values.get("Partition"));
        assertTrue(!values.containsKey("Nothing"), "AWS::NoValue removes the property");
        assertEquals(List.of("a", "demo-Queue"), values.get("List"));
        assertEquals("y", values.get("Selected"));
        assertTrue(!values.containsKey("Chosen"), "Fn::If without an e-mail gives AWS::NoValue");
    }

    @Test
    void resolvesFromManyThreadsAtOnce() throws Exception {
        // The local stack's edge resolves function names from several request threads.
        IntrinsicResolver resolver = resolver(Map.of());
        String expected = resolver.resolveString(Map.of("Ref", "Bucket"), "Bucket");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                results.add(threads.submit(() -> resolver.resolveString(Map.of("Ref", "Bucket"), "Bucket")));
            }
            for (java.util.concurrent.Future<String> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void evaluatesConditions() {
        assertTrue(!resolver(Map.of()).condition("HasEmail"));
        assertTrue(resolver(Map.of("Email", "a@example.org")).condition("QuietAndEmail"));
        assertTrue(!resolver(Map.of("Email", "a@example.org", "Quiet", "5")).condition("QuietAndEmail"));
        assertEquals("a@example.org", resolver(Map.of("Email", "a@example.org")).resolve(
                Map.of("Fn::If", List.of("HasEmail", Map.of("Ref", "Email"), "none"))));
    }

    @Test
    void parametersTakeOverridesBeforeDefaults() {
        assertEquals("60", resolver(Map.of()).parameter("Quiet"));
        assertEquals("5", resolver(Map.of("Quiet", "5")).parameter("Quiet"));
        assertEquals("given", resolver(Map.of("NoDefault", "given")).resolve(Map.of("Ref", "NoDefault")));
        assertTrue(assertThrows(TemplateException.class, () -> resolver(Map.of()).parameter("NoDefault"))
                .getMessage().contains("no Default"));
    }

    @Test
    void localStackIdsAreStableAndShapedAsCloudFormationArns() {
        StackIdentity first = StackIdentity.local("family-gallery", "us-east-1");
        assertEquals(first, StackIdentity.local("family-gallery", "us-east-1"));
        assertTrue(first.stackId().matches(
                "arn:aws:cloudformation:us-east-1:000000000000:stack/family-gallery/[0-9a-f]{8}-[0-9a-f-]{27}"), first.stackId());
        assertTrue(!first.stackId().equals(StackIdentity.local("other", "us-east-1").stackId()));
    }

    @Test
    void badArgumentsAndCyclesNameTheProblem() {
        IntrinsicResolver resolver = resolver(Map.of());
        assertTrue(assertThrows(TemplateException.class, () -> resolver.resolve(Map.of("Ref", "Missing")))
                .getMessage().contains("no resource Missing"));
        assertTrue(assertThrows(TemplateException.class,
                () -> resolver.resolve(Map.of("Fn::Select", List.of(3, List.of("a"))))).getMessage().contains("outside"));
        assertTrue(assertThrows(TemplateException.class,
                () -> resolver.resolve(Map.of("Fn::Join", List.of("-")))).getMessage().contains("Fn::Join needs"));
        assertTrue(assertThrows(TemplateException.class, () -> resolver.resolve(Map.of("Fn::GetAtt", List.of("Loop", "QueueName"))))
                .getMessage().contains("circular reference"));
        assertTrue(assertThrows(TemplateException.class, () -> resolver.resolve(Map.of("Fn::ImportValue", "x")))
                .getMessage().contains("not supported"));
    }
}
