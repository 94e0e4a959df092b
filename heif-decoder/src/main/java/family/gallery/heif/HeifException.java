package family.gallery.heif;

/** A HEIF file that cannot be shown; the message names what is wrong, for people. */
public final class HeifException extends Exception {

    public HeifException(String message) {
        super(message);
    }

    public HeifException(String message, Throwable cause) {
        super(message, cause);
    }
}
