package family.gallery.heif.hevc;

/** The HEVC data of a picture could not be decoded; the message says why, for people. */
public final class HevcDecodingException extends Exception {

    public HevcDecodingException(String message) {
        super(message);
    }

    public HevcDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
