package family.gallery.resize.video;

/**
 * The original can never become a video the site plays, however often it is retried: empty,
 * damaged, not a video, or too long. The message is the reason shown in the catalog, written for people.
 */
public final class UnplayableVideoException extends Exception {

    public UnplayableVideoException(String reason) {
        super(reason);
    }
}
