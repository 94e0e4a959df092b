package family.gallery.ingest;

/** A queue message that is not an S3 event notification we understand; the message names what is wrong. */
public final class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
