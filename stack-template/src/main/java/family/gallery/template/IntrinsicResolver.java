package family.gallery.template;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the intrinsic functions of a template as CloudFormation does: {@code Ref} (resources,
 * parameters with their defaults or overrides, pseudo parameters), {@code Fn::GetAtt},
 * {@code Fn::Sub} (string and list forms), {@code Fn::Join}, {@code Fn::Select} and
 * {@code Fn::Split}. What a resource's {@code Ref} or attribute is comes from
 * {@link ResourceReferences}.
 */
public final class IntrinsicResolver {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final String NO_VALUE = "AWS::NoValue";

    private final StackTemplate template;
    private final StackIdentity identity;
    private final Map<String, String> parameterOverrides;
    private final ResourceReferences resources;
    /** Per thread: the local stack's edge resolves names from several request threads at once. */
    private final ThreadLocal<Deque<String>> inProgressByThread = ThreadLocal.withInitial(ArrayDeque::new);

    public IntrinsicResolver(StackTemplate template, StackIdentity identity, Map<String, String> parameterOverrides,
            ResourceReferences resources) {
        this.template = template;
        this.identity = identity;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
        this.resources = resources;
    }

    public StackIdentity identity() {
        return identity;
    }

    /**
     * The node with every intrinsic function replaced by its value: strings, numbers and booleans stay,
     * maps and lists are copied, {@code !Ref AWS::NoValue} drops the entry that holds it.
     */
    public Object resolve(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return function(key, map.values().iterator().next());
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                Object resolved = resolve(value);
                if (resolved != null) {
                    result.put(String.valueOf(key), resolved);
                }
            });
            return result;
        }
        if (node instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object element : list) {
                Object resolved = resolve(element);
                if (resolved != null) {
                    result.add(resolved);
                }
            }
            return result;
        }
        return node;
    }

    /** The node resolved to one scalar, as a string. */
    public String resolveString(Object node, String where) {
        return Nodes.asString(resolve(node), where);
    }

    /** A parameter's override, else its default. */
    public String parameter(String name) {
        String override = parameterOverrides.get(name);
        if (override != null) {
            return override;
        }
        Map<String, Object> parameters = template.section("Parameters");
        if (!parameters.containsKey(name)) {
            throw new TemplateException("template has no parameter " + name);
        }
        Object defaultValue = Nodes.asMap(parameters.get(name), "Parameters." + name).get("Default");
        if (defaultValue == null) {
            throw new TemplateException("parameter " + name + " has no Default and no value was given");
        }
        return Nodes.asString(defaultValue, "Parameters." + name + ".Default");
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(Nodes.asString(resolve(argument), "Ref"));
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> join(argument);
            case "Fn::Select" -> select(argument);
            case "Fn::Split" -> split(argument);
            case "Fn::If" -> when(argument);
            default -> throw new TemplateException(name + " is not supported here");
        };
    }

    /** Whether a condition of the template's Conditions section holds. */
    public boolean condition(String name) {
        Object definition = template.section("Conditions").get(name);
        if (definition == null) {
            throw new TemplateException("template has no condition " + name);
        }
        return holds(definition, "Conditions." + name);
    }

    private boolean holds(Object node, String where) {
        Map<String, Object> function = Nodes.asMap(node, where);
        if (function.size() != 1) {
            throw new TemplateException(where + " must be one condition function");
        }
        Map.Entry<String, Object> entry = function.entrySet().iterator().next();
        String name = entry.getKey();
        if (name.equals("Condition")) {
            return condition(Nodes.asString(entry.getValue(), where));
        }
        List<Object> arguments = Nodes.asList(entry.getValue(), where + "." + name);
        return switch (name) {
            case "Fn::Equals" -> arguments.size() == 2
                    && String.valueOf(resolve(arguments.get(0))).equals(String.valueOf(resolve(arguments.get(1))));
            case "Fn::Not" -> !holds(arguments.get(0), where + ".Fn::Not");
            case "Fn::And" -> arguments.stream().allMatch(argument -> holds(argument, where + ".Fn::And"));
            case "Fn::Or" -> arguments.stream().anyMatch(argument -> holds(argument, where + ".Fn::Or"));
            default -> throw new TemplateException(where + ": " + name + " is not a condition function");
        };
    }

    private Object when(Object argument) {
        List<Object> parts = Nodes.asList(argument, "Fn::If");
        if (parts.size() != 3) {
            throw new TemplateException("Fn::If needs [condition, then, else], got " + parts);
        }
        return resolve(condition(Nodes.asString(parts.get(0), "Fn::If condition")) ? parts.get(1) : parts.get(2));
    }

    private String ref(String name) {
        if (name.equals(NO_VALUE)) {
            return null;
        }
        String pseudo = identity.pseudoParameters().get(name);
        if (pseudo != null) {
            return pseudo;
        }
        if (template.section("Parameters").containsKey(name)) {
            return parameter(name);
        }
        return guarded(name, () -> resources.ref(template.requireResource(name)));
    }

    private String getAtt(Object argument) {
        List<Object> parts;
        if (argument instanceof String dotted && dotted.contains(".")) {
            parts = List.of(dotted.substring(0, dotted.indexOf('.')), dotted.substring(dotted.indexOf('.') + 1));
        } else {
            parts = Nodes.asList(resolve(argument), "Fn::GetAtt");
        }
        if (parts.size() != 2) {
            throw new TemplateException("Fn::GetAtt needs [resource, attribute], got " + parts);
        }
        String logicalId = Nodes.asString(parts.get(0), "Fn::GetAtt resource");
        String attribute = Nodes.asString(parts.get(1), "Fn::GetAtt attribute");
        return guarded(logicalId + "." + attribute,
                () -> resources.attribute(template.requireResource(logicalId), attribute));
    }

    /** Guards against templates whose names refer to each other in a circle. */
    private String guarded(String what, Supplier<String> lookup) {
        Deque<String> inProgress = inProgressByThread.get();
        if (inProgress.contains(what)) {
            throw new TemplateException("circular reference: " + String.join(" -> ", inProgress) + " -> " + what);
        }
        inProgress.push(what);
        try {
            return lookup.get();
        } finally {
            inProgress.pop();
        }
    }

    private String sub(Object argument) {
        String text;
        Map<String, String> variables = new HashMap<>();
        if (argument instanceof List<?> list) {
            if (list.size() != 2) {
                throw new TemplateException("Fn::Sub needs [string, {variables}], got " + list);
            }
            text = Nodes.asString(list.get(0), "Fn::Sub string");
            Nodes.asMap(list.get(1), "Fn::Sub variables")
                    .forEach((name, value) -> variables.put(name, resolveString(value, "Fn::Sub variable " + name)));
        } else {
            text = Nodes.asString(argument, "Fn::Sub");
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                replacement = variables.get(variable);
            } else if (variable.contains(".")) {
                replacement = getAtt(variable);
            } else {
                replacement = ref(variable);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String join(Object argument) {
        List<Object> parts = Nodes.asList(argument, "Fn::Join");
        if (parts.size() != 2) {
            throw new TemplateException("Fn::Join needs [delimiter, [values]], got " + parts);
        }
        String delimiter = Nodes.asString(parts.get(0), "Fn::Join delimiter");
        List<String> values = new ArrayList<>();
        for (Object value : Nodes.asList(resolve(parts.get(1)), "Fn::Join values")) {
            values.add(Nodes.asString(value, "Fn::Join value"));
        }
        return String.join(delimiter, values);
    }

    private Object select(Object argument) {
        List<Object> parts = Nodes.asList(argument, "Fn::Select");
        if (parts.size() != 2) {
            throw new TemplateException("Fn::Select needs [index, [values]], got " + parts);
        }
        int index;
        try {
            index = new BigDecimal(resolveString(parts.get(0), "Fn::Select index")).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new TemplateException("Fn::Select index must be a whole number, got " + parts.get(0), e);
        }
        List<Object> values = Nodes.asList(resolve(parts.get(1)), "Fn::Select values");
        if (index < 0 || index >= values.size()) {
            throw new TemplateException("Fn::Select index " + index + " is outside " + values);
        }
        return values.get(index);
    }

    private List<Object> split(Object argument) {
        List<Object> parts = Nodes.asList(argument, "Fn::Split");
        if (parts.size() != 2) {
            throw new TemplateException("Fn::Split needs [delimiter, string], got " + parts);
        }
        String delimiter = Nodes.asString(parts.get(0), "Fn::Split delimiter");
        String source = resolveString(parts.get(1), "Fn::Split string");
        List<Object> pieces = new ArrayList<>();
        Collections.addAll(pieces, (Object[]) source.split(Pattern.quote(delimiter), -1));
        return pieces;
    }
}
