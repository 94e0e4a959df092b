package family.gallery.template.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The SAM project's {@code sam.schema.json}: each {@code AWS::Serverless::*} resource is checked
 * against its own definition there, and the Globals section against the Globals definition.
 */
final class SamSchema {

    private static final String DEFINITION_PREFIX = "samtranslator__internal__schema_source__aws_serverless_";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private SamSchema(JsonNode root) {
        this.root = root;
    }

    static SamSchema load(Path schemaFile) {
        try {
            return new SamSchema(JSON.readTree(schemaFile.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SAM schema " + schemaFile, e);
        }
    }

    /** {@code AWS::Serverless::Function} is checked against {@code ..._aws_serverless_function__Resource}. */
    List<String> checkResource(String logicalId, Map<String, Object> resource) {
        String type = String.valueOf(resource.get("Type"));
        String definition = DEFINITION_PREFIX + type.substring("AWS::Serverless::".length()).toLowerCase(Locale.ROOT) + "__Resource";
        if (!root.path("definitions").has(definition)) {
            return List.of(logicalId + ": the SAM schema has no resource type " + type);
        }
        return validate(definition, resource, logicalId);
    }

    List<String> checkGlobals(Map<String, Object> globals) {
        return validate("__main____Globals", globals, "Globals");
    }

    private List<String> validate(String definition, Object value, String where) {
        ObjectNode schema = JSON.createObjectNode();
        schema.set("definitions", root.path("definitions"));
        schema.put("$ref", "#/definitions/" + definition);
        JsonSchema validator = factory.getSchema(schema);
        return validator.validate(JSON.valueToTree(value)).stream()
                .map(ValidationMessage::getMessage)
                .map(message -> where + ": " + message)
                .toList();
    }
}
