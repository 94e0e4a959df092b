package family.gallery.ingest;

/** S3 ETags as the catalog and the pipeline compare them. */
public final class ETags {

    private ETags() {
    }

    /**
     * The ETag without the quotes S3 puts around it in responses and listings; empty when there is
     * none (S3-compatible stores sometimes list an object without one), which equals no real ETag.
     */
    public static String unquoted(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }
}
