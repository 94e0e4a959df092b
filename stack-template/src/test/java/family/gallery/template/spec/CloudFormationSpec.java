package family.gallery.template.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CloudFormation resource specification as the npm package {@code @aws-cdk/aws-service-spec}
 * ships it ({@code db.json.gz}): every resource type with its properties, their types and which
 * are required. Checks the properties a template gives a resource against it.
 */
final class CloudFormationSpec {

    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("Type", "Properties", "DependsOn", "DeletionPolicy",
            "UpdateReplacePolicy", "Metadata", "Condition", "CreationPolicy", "UpdatePolicy");

    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> typeDefinitions = new HashMap<>();

    private CloudFormationSpec(JsonNode schema) {
        schema.path("resource").path("entities").forEach(r -> resources.put(r.path("cloudFormationType").asText(), r));
        schema.path("typeDefinition").path("entities").forEach(t -> typeDefinitions.put(t.path("$id").asText(), t));
    }

    static CloudFormationSpec load(Path dbJsonGz) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dbJsonGz))) {
            return new CloudFormationSpec(new ObjectMapper().readTree(in).path("schema"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource specification " + dbJsonGz, e);
        }
    }

    boolean knows(String resourceType) {
        return resources.containsKey(resourceType);
    }

    /** Problems with one resource of the template, each naming its place; empty when it conforms. */
    List<String> check(String logicalId, Map<String, Object> resource) {
        List<String> problems = new ArrayList<>();
        String type = String.valueOf(resource.get("Type"));
        resource.keySet().stream().filter(k -> !RESOURCE_ATTRIBUTES.contains(k))
                .forEach(k -> problems.add(logicalId + ": unknown resource attribute " + k));
        JsonNode spec = resources.get(type);
        if (spec == null) {
            problems.add(logicalId + ": unknown resource type " + type);
            return problems;
        }
        Object properties = resource.getOrDefault("Properties", Map.of());
        checkObject(spec.path("properties"), properties, logicalId + ".Properties", problems);
        return problems;
    }

    private void checkObject(JsonNode propertySpecs, Object value, String where, List<String> problems) {
        if (isIntrinsic(value)) {
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(where + ": expected an object, found " + describe(value));
            return;
        }
        propertySpecs.fields().forEachRemaining(field -> {
            if (field.getValue().path("required").asBoolean() && !map.containsKey(field.getKey())) {
                problems.add(where + ": missing required property " + field.getKey());
            }
        });
        map.forEach((name, propertyValue) -> {
            JsonNode propertySpec = propertySpecs.get(String.valueOf(name));
            if (propertySpec == null) {
                problems.add(where + ": unknown property " + name);
            } else {
                checkValue(propertySpec.path("type"), propertyValue, where + "." + name, problems);
            }
        });
    }

    private void checkValue(JsonNode type, Object value, String where, List<String> problems) {
        if (isIntrinsic(value)) {
            return;
        }
        switch (type.path("type").asText()) {
            case "string", "date-time" -> expect(value instanceof String || value instanceof Number || value instanceof Boolean,
                    "a string", value, where, problems);
            case "integer", "number" -> expect(value instanceof Number || value instanceof String s && isNumber(s),
                    "a number", value, where, problems);
            case "boolean" -> expect(value instanceof Boolean || "true".equals(value) || "false".equals(value),
                    "a boolean", value, where, problems);
            case "json" -> expect(value instanceof Map || value instanceof String, "a JSON object", value, where, problems);
            case "tag" -> checkTag(value, where, problems);
            case "array" -> {
                if (value instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        checkValue(type.path("element"), list.get(i), where + "[" + i + "]", problems);
                    }
                } else {
                    problems.add(where + ": expected a list, found " + describe(value));
                }
            }
            case "map" -> {
                if (value instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> checkValue(type.path("element"), v, where + "." + k, problems));
                } else {
                    problems.add(where + ": expected a map, found " + describe(value));
                }
            }
            case "ref" -> {
                JsonNode definition = typeDefinitions.get(type.path("reference").path("$ref").asText());
                checkObject(definition.path("properties"), value, where, problems);
            }
            case "union" -> {
                boolean anyFits = false;
                for (JsonNode alternative : type.path("types")) {
                    List<String> attempt = new ArrayList<>();
                    checkValue(alternative, value, where, attempt);
                    anyFits |= attempt.isEmpty();
                }
                expect(anyFits, "one of " + type.path("types"), value, where, problems);
            }
            default -> problems.add(where + ": the specification has a type this check does not know: " + type);
        }
    }

    private static void checkTag(Object value, String where, List<String> problems) {
        if (!(value instanceof Map<?, ?> tag) || !tag.containsKey("Key") || !tag.containsKey("Value") || tag.size() != 2) {
            problems.add(where + ": a tag is {Key, Value}, found " + value);
        }
    }

    private static void expect(boolean holds, String what, Object value, String where, List<String> problems) {
        if (!holds) {
            problems.add(where + ": expected " + what + ", found " + describe(value) + " " + value);
        }
    }

    /** Ref, Fn::* and Condition maps stand for a value CloudFormation works out at deploy time. */
    static boolean isIntrinsic(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            String key = String.valueOf(map.keySet().iterator().next());
            return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
        }
        return false;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName();
    }
}
