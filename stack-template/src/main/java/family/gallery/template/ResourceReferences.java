package family.gallery.template;

/**
 * What {@code Ref} and {@code Fn::GetAtt} return for a resource of the template. Physical names
 * and attributes depend on where the stack runs (a cloud account or local emulators), so the
 * {@link IntrinsicResolver} asks this for them.
 */
public interface ResourceReferences {

    /** The value of {@code !Ref LogicalId}: a name, an ARN or a URL, depending on the type. */
    String ref(StackTemplate.Resource resource);

    /** The value of {@code !GetAtt LogicalId.Attribute}. */
    String attribute(StackTemplate.Resource resource, String attribute);
}
