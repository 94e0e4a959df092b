package family.gallery.localaws.edge;

/**
 * A Lambda function URL behind the gateway: takes a function URL event (payload format 2.0) as JSON
 * and returns the function's answer as JSON, as Lambda's invoke does.
 */
@FunctionalInterface
public interface FunctionUrlOrigin {

    String invoke(String eventJson);
}
