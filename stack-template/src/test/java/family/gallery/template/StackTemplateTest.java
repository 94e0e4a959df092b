package family.gallery.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackTemplateTest {

    @Test
    void readsShortFormTagsAsTheirLongForm() {
        StackTemplate template = StackTemplate.parse("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      A: !Ref Other
                      B: !GetAtt Other.Arn
                      C: !Sub "${Other}-x"
                      D: !Join ["-", [a, !Ref Other]]
                      E: !Select [0, !Split ["/", !Ref AWS::StackId]]
                """);
        Map<String, Object> properties = template.requireResource("Queue").properties();

        assertEquals(Map.of("Ref", "Other"), properties.get("A"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Other", "Arn")), properties.get("B"));
        assertEquals(Map.of("Fn::Sub", "${Other}-x"), properties.get("C"));
        assertEquals(Map.of("Fn::Join", List.of("-", List.of("a", Map.of("Ref", "Other")))), properties.get("D"));
        assertEquals(Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of("/", Map.of("Ref", "AWS::StackId"))))),
                properties.get("E"));
    }

    @Test
    void errorsNameWhatIsWrong() {
        assertTrue(assertThrows(TemplateException.class, () -> StackTemplate.parse("- a\n- b"))
                .getMessage().contains("mapping at the top level"));
        StackTemplate untyped = StackTemplate.parse("Resources:\n  X:\n    Properties: {}");
        assertTrue(assertThrows(TemplateException.class, untyped::resources).getMessage().contains("X has no Type"));
        assertTrue(assertThrows(TemplateException.class, () -> StackTemplate.parse("a: [unclosed"))
                .getMessage().contains("not valid YAML"));
        assertTrue(assertThrows(TemplateException.class, () -> StackTemplate.parse("Resources: {}").requireResource("Y"))
                .getMessage().contains("no resource Y"));
    }

    @Test
    void findsPropertiesByPath() {
        StackTemplate template = StackTemplate.parse("""
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                    DeletionPolicy: Retain
                    Properties:
                      VersioningConfiguration:
                        Status: Enabled
                """);
        StackTemplate.Resource bucket = template.requireResource("Bucket");
        assertEquals("Enabled", bucket.property("VersioningConfiguration.Status").orElseThrow());
        assertTrue(bucket.property("VersioningConfiguration.Missing").isEmpty());
        assertEquals("Retain", bucket.attribute("DeletionPolicy").orElseThrow());
    }
}
