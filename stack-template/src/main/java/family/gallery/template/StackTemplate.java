package family.gallery.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A SAM/CloudFormation template as plain maps and lists. Short-form intrinsic tags ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}, ...) are read as their long form ({@code {"Ref": ...}},
 * {@code {"Fn::GetAtt": [...]}}, ...), so callers see one shape whichever form the author used.
 */
public final class StackTemplate {

    private final Map<String, Object> root;

    private StackTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static StackTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new TemplateException("cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    public static StackTemplate parse(String yaml) {
        return parse(new java.io.StringReader(yaml), "template");
    }

    private static StackTemplate parse(Reader reader, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new IntrinsicTagConstructor(options)).load(reader);
        } catch (RuntimeException e) {
            throw new TemplateException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new TemplateException(source + " must be a YAML mapping at the top level");
        }
        return new StackTemplate(Nodes.asMap(map, source));
    }

    /** Finds the template by walking up from the working directory, as tests run inside a module. */
    public static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            Path file = candidate.resolve("template.yaml");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new TemplateException("no template.yaml in " + dir + " or any parent folder");
    }

    public Map<String, Object> root() {
        return Collections.unmodifiableMap(root);
    }

    public Map<String, Object> section(String name) {
        Object section = root.get(name);
        return section == null ? Map.of() : Nodes.asMap(section, name);
    }

    public List<Resource> resources() {
        List<Resource> result = new ArrayList<>();
        section("Resources").forEach((logicalId, body) -> {
            Map<String, Object> resource = Nodes.asMap(body, "Resources." + logicalId);
            Object type = resource.get("Type");
            if (!(type instanceof String typeName)) {
                throw new TemplateException("resource " + logicalId + " has no Type");
            }
            Object properties = resource.get("Properties");
            result.add(new Resource(logicalId, typeName,
                    properties == null ? Map.of() : Nodes.asMap(properties, logicalId + ".Properties"),
                    resource));
        });
        return result;
    }

    public List<Resource> resourcesOfType(String type) {
        return resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    public Optional<Resource> resource(String logicalId) {
        return resources().stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
    }

    public Resource requireResource(String logicalId) {
        return resource(logicalId)
                .orElseThrow(() -> new TemplateException("template has no resource " + logicalId));
    }

    /** One entry of the template's Resources section. */
    public record Resource(String logicalId, String type, Map<String, Object> properties,
            Map<String, Object> definition) {

        public Optional<Object> property(String dottedPath) {
            Object node = properties;
            for (String step : dottedPath.split("\\.")) {
                if (!(node instanceof Map<?, ?> map) || !map.containsKey(step)) {
                    return Optional.empty();
                }
                node = map.get(step);
            }
            return Optional.ofNullable(node);
        }

        /** The attribute outside Properties, such as DeletionPolicy. */
        public Optional<Object> attribute(String name) {
            return Optional.ofNullable(definition.get(name));
        }
    }

}
