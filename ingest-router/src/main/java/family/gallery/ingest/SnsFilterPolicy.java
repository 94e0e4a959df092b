package family.gallery.ingest;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An SNS subscription filter policy, evaluated as SNS evaluates it: keys are ANDed, the values
 * listed for a key are ORed, {@code $or} offers alternative sub-policies, and in message-body scope
 * nested objects descend into the payload (an array in the payload matches when one element does).
 * Operators: exact values, {@code prefix}, {@code suffix}, {@code equals-ignore-case},
 * {@code anything-but} (values, prefix or suffix), {@code exists} and {@code numeric}.
 */
public final class SnsFilterPolicy {

    public enum Scope {
        MESSAGE_ATTRIBUTES, MESSAGE_BODY;

        /** {@code FilterPolicyScope} as the subscription attribute spells it; absent means attributes. */
        public static Scope of(String attribute) {
            if (attribute == null || attribute.isEmpty() || attribute.equals("MessageAttributes")) {
                return MESSAGE_ATTRIBUTES;
            }
            if (attribute.equals("MessageBody")) {
                return MESSAGE_BODY;
            }
            throw new IllegalArgumentException("FilterPolicyScope must be MessageAttributes or MessageBody, not " + attribute);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPERATORS =
            List.of("prefix", "suffix", "equals-ignore-case", "anything-but", "exists", "numeric");

    private final JsonNode policy;
    private final Scope scope;

    private SnsFilterPolicy(JsonNode policy, Scope scope) {
        this.policy = policy;
        this.scope = scope;
    }

    /** @param policy the policy as JSON text or as the map a YAML or JSON parser produced */
    public static SnsFilterPolicy of(Object policy, Scope scope) {
        JsonNode node;
        try {
            node = policy instanceof String text ? JSON.readTree(text) : JSON.valueToTree(policy);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("filter policy is not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("filter policy must be a JSON object");
        }
        validate(node, scope, "");
        return new SnsFilterPolicy(node, scope);
    }

    public Scope scope() {
        return scope;
    }

    /** Message-body scope: does the published message (JSON text) pass? A body that is not JSON never does. */
    public boolean matchesBody(String message) {
        JsonNode payload;
        try {
            payload = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            return false;
        }
        return payload != null && payload.isObject() && matchesObject(policy, payload);
    }

    /**
     * Attribute scope: attributes by name to their {@code Type} and {@code Value} as SNS receives them
     * ({@code String}, {@code String.Array} holding a JSON array, {@code Number}, {@code Binary}).
     */
    public boolean matchesAttributes(Map<String, Map.Entry<String, String>> attributes) {
        ObjectNode payload = JSON.createObjectNode();
        attributes.forEach((name, typed) -> {
            String type = typed.getKey();
            String value = typed.getValue();
            if (type.startsWith("String.Array")) {
                try {
                    payload.set(name, JSON.readTree(value));
                } catch (JsonProcessingException e) {
                    payload.put(name, value);
                }
            } else if (type.startsWith("Number")) {
                payload.set(name, JSON.getNodeFactory().numberNode(new BigDecimal(value)));
            } else if (type.startsWith("String")) {
                payload.put(name, value);
            }
            // Binary attributes never take part in filtering.
        });
        return matchesObject(policy, payload);
    }

    private static boolean matchesObject(JsonNode policyObject, JsonNode payload) {
        Iterator<Map.Entry<String, JsonNode>> fields = policyObject.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            boolean matched;
            if (field.getKey().equals("$or")) {
                matched = false;
                for (JsonNode alternative : field.getValue()) {
                    matched |= matchesObject(alternative, payload);
                }
            } else {
                matched = matchesKey(field.getValue(), payload.get(field.getKey()));
            }
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesKey(JsonNode rule, JsonNode value) {
        if (rule.isObject()) {
            if (value == null) {
                return false;
            }
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (element.isObject() && matchesObject(rule, element)) {
                        return true;
                    }
                }
                return false;
            }
            return value.isObject() && matchesObject(rule, value);
        }
        for (JsonNode condition : rule) {
            if (matchesCondition(condition, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesCondition(JsonNode condition, JsonNode value) {
        if (condition.isObject() && condition.has("exists")) {
            boolean present = value != null && !value.isNull();
            return condition.get("exists").asBoolean() == present;
        }
        if (value == null || value.isNull() && !condition.isNull()) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (matchesScalar(condition, element)) {
                    return true;
                }
            }
            return false;
        }
        return matchesScalar(condition, value);
    }

    private static boolean matchesScalar(JsonNode condition, JsonNode value) {
        if (!condition.isObject()) {
            return equalValues(condition, value);
        }
        Map.Entry<String, JsonNode> operator = condition.fields().next();
        JsonNode operand = operator.getValue();
        String text = value.isTextual() ? value.asText() : null;
        return switch (operator.getKey()) {
            case "prefix" -> text != null && text.startsWith(operand.asText());
            case "suffix" -> text != null && text.endsWith(operand.asText());
            case "equals-ignore-case" -> text != null
                    && text.toLowerCase(Locale.ROOT).equals(operand.asText().toLowerCase(Locale.ROOT));
            case "anything-but" -> !anythingButExcludes(operand, value);
            case "numeric" -> value.isNumber() && numericMatches(operand, value.decimalValue());
            default -> throw new IllegalStateException("unvalidated operator " + operator.getKey());
        };
    }

    private static boolean anythingButExcludes(JsonNode operand, JsonNode value) {
        if (operand.isObject()) {
            String text = value.isTextual() ? value.asText() : null;
            if (operand.has("prefix")) {
                return text != null && text.startsWith(operand.get("prefix").asText());
            }
            return text != null && text.endsWith(operand.get("suffix").asText());
        }
        if (operand.isArray()) {
            for (JsonNode excluded : operand) {
                if (equalValues(excluded, value)) {
                    return true;
                }
            }
            return false;
        }
        return equalValues(operand, value);
    }

    private static boolean numericMatches(JsonNode operand, BigDecimal number) {
        for (int i = 0; i + 1 < operand.size(); i += 2) {
            int comparison = number.compareTo(operand.get(i + 1).decimalValue());
            boolean holds = switch (operand.get(i).asText()) {
                case "=" -> comparison == 0;
                case "<" -> comparison < 0;
                case "<=" -> comparison <= 0;
                case ">" -> comparison > 0;
                case ">=" -> comparison >= 0;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalValues(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static void validate(JsonNode node, Scope scope, String path) {
        node.fields().forEachRemaining(field -> {
            String where = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode rule = field.getValue();
            if (field.getKey().equals("$or")) {
                if (!rule.isArray() || rule.size() < 2) {
                    throw new IllegalArgumentException(where + " needs a list of at least two alternatives");
                }
                rule.forEach(alternative -> validate(alternative, scope, path));
            } else if (rule.isObject()) {
                if (scope == Scope.MESSAGE_ATTRIBUTES) {
                    throw new IllegalArgumentException(where + ": nested policies need FilterPolicyScope MessageBody");
                }
                validate(rule, scope, where);
            } else if (!rule.isArray()) {
                throw new IllegalArgumentException(where + " must list the values it accepts");
            } else {
                rule.forEach(condition -> validateCondition(condition, where));
            }
        });
    }

    private static void validateCondition(JsonNode condition, String where) {
        if (!condition.isObject()) {
            return;
        }
        if (condition.size() != 1) {
            throw new IllegalArgumentException(where + ": each condition has exactly one operator");
        }
        String operator = condition.fieldNames().next();
        if (!OPERATORS.contains(operator)) {
            throw new IllegalArgumentException(where + ": unrecognized match type " + operator);
        }
        JsonNode operand = condition.get(operator);
        if (operator.equals("anything-but") && operand.isObject()
                && !(operand.size() == 1 && (operand.has("prefix") || operand.has("suffix")))) {
            throw new IllegalArgumentException(where + ": anything-but takes values, a prefix or a suffix");
        }
        if (operator.equals("numeric") && (!operand.isArray() || operand.size() % 2 != 0)) {
            throw new IllegalArgumentException(where + ": numeric takes operator and value pairs");
        }
    }
}
