package family.gallery.template;

import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads CloudFormation's short-form tags as the equivalent long-form maps. */
final class IntrinsicTagConstructor extends SafeConstructor {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not",
            "Or", "ToJsonString", "Length");

    IntrinsicTagConstructor(LoaderOptions options) {
        super(options);
        yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
        yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
        yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
        for (String function : FUNCTIONS) {
            yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
        }
    }

    private Object constructAny(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            return constructSequence(sequence);
        }
        return constructMapping((MappingNode) node);
    }

    private final class LongForm extends AbstractConstruct {
        private final String key;

        LongForm(String key) {
            this.key = key;
        }

        @Override
        public Object construct(Node node) {
            return Map.of(key, constructAny(node));
        }
    }

    /** {@code !GetAtt Resource.Attribute} is the list form {@code [Resource, Attribute]}. */
    private final class GetAtt extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            Object value = constructAny(node);
            if (value instanceof String dotted) {
                int dot = dotted.indexOf('.');
                if (dot < 0) {
                    throw new TemplateException("!GetAtt needs Resource.Attribute, got " + dotted);
                }
                value = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
            }
            return Map.of("Fn::GetAtt", value);
        }
    }
}
