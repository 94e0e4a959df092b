package family.gallery.resize.image;

/**
 * The original can never become renditions, however often it is retried: empty, damaged, not an
 * image, or too large. The message is the reason shown in the catalog, written for people.
 */
public final class UnrenderablePhotoException extends Exception {

    public UnrenderablePhotoException(String reason) {
        super(reason);
    }

    public UnrenderablePhotoException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
