package family.gallery.template;

/** The template is missing, unreadable or not shaped as a CloudFormation template. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
