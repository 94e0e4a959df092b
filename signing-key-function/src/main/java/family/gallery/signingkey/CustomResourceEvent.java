package family.gallery.signingkey;

import java.util.Map;

/** The parts of a CloudFormation custom resource request that the handler uses. */
public record CustomResourceEvent(String requestType, String responseUrl, String stackId, String requestId,
        String logicalResourceId, String physicalResourceId, Map<String, Object> properties) {

    @SuppressWarnings("unchecked")
    public static CustomResourceEvent of(Map<String, Object> event) {
        Object properties = event.get("ResourceProperties");
        return new CustomResourceEvent(string(event, "RequestType"), string(event, "ResponseURL"), string(event, "StackId"),
                string(event, "RequestId"), string(event, "LogicalResourceId"), string(event, "PhysicalResourceId"),
                properties instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    }

    public String property(String name) {
        Object value = properties.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("the property " + name + " is required");
        }
        return text;
    }

    private static String string(Map<String, Object> event, String name) {
        Object value = event.get(name);
        return value == null ? null : value.toString();
    }
}
