package family.gallery.localaws;

/** The local stack cannot start or cannot do what it was asked; the message says what to change. */
public class LocalAwsException extends RuntimeException {

    public LocalAwsException(String message) {
        super(message);
    }

    public LocalAwsException(String message, Throwable cause) {
        super(message, cause);
    }
}
