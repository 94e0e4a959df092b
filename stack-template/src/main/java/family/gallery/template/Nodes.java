package family.gallery.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to the maps and lists a YAML or JSON parser returns, with errors that name the place. */
public final class Nodes {

    private Nodes() {
    }

    public static Map<String, Object> asMap(Object node, String where) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new TemplateException(where + " must be a mapping, found " + describe(node));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value));
        return result;
    }

    public static List<Object> asList(Object node, String where) {
        if (!(node instanceof List<?> list)) {
            throw new TemplateException(where + " must be a list, found " + describe(node));
        }
        return List.copyOf(list);
    }

    public static String asString(Object node, String where) {
        if (node instanceof String || node instanceof Number || node instanceof Boolean) {
            return String.valueOf(node);
        }
        throw new TemplateException(where + " must be a scalar, found " + describe(node));
    }

    private static String describe(Object node) {
        return node == null ? "nothing" : node.getClass().getSimpleName();
    }
}
