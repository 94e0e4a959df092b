package family.gallery.site.model;

/**
 * Something the build left out or fell back on, for the build report.
 *
 * @param subject the object key or album path concerned
 */
public record BuildIssue(Kind kind, String subject, String message) {

    public enum Kind {
        MALFORMED_ALBUM_YML, FAILED_PHOTO, EMPTY_ALBUM, HIDDEN_ALBUM, VIEWERS, GUEST_LINK
    }
}
