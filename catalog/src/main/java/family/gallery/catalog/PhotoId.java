package family.gallery.catalog;

import family.gallery.ingest.MediaKey;

/**
 * Which original a catalog item describes, and the item's key: {@code pk = ALBUM#<album path>},
 * {@code sk = PHOTO#<file name>}.
 *
 * @param album    album path without {@code albums/}, e.g. {@code 2026 summer/beach}
 * @param fileName the original's file name, e.g. {@code IMG_0001.jpg}
 */
public record PhotoId(String album, String fileName) {

    static final String ALBUM_PREFIX = "ALBUM#";
    static final String PHOTO_PREFIX = "PHOTO#";

    public PhotoId {
        if (album == null || album.isEmpty() || fileName == null || fileName.isEmpty()) {
            throw new IllegalArgumentException("a photo needs an album and a file name");
        }
    }

    /** The id of a key that {@link MediaKey} classified as a photo or a video. */
    public static PhotoId of(MediaKey key) {
        if (key.kind() != MediaKey.Kind.PHOTO && key.kind() != MediaKey.Kind.VIDEO) {
            throw new IllegalArgumentException("neither a photo nor a video: " + key.key());
        }
        return new PhotoId(key.album(), key.fileName());
    }

    static PhotoId fromItemKey(String pk, String sk) {
        if (!pk.startsWith(ALBUM_PREFIX) || !sk.startsWith(PHOTO_PREFIX)) {
            throw new IllegalArgumentException("not a photo item: " + pk + " / " + sk);
        }
        return new PhotoId(pk.substring(ALBUM_PREFIX.length()), sk.substring(PHOTO_PREFIX.length()));
    }

    public static String partitionKey(String album) {
        return ALBUM_PREFIX + album;
    }

    public String pk() {
        return partitionKey(album);
    }

    public String sk() {
        return PHOTO_PREFIX + fileName;
    }

    /** The original's key in the source bucket. */
    public String sourceKey() {
        return MediaKey.ALBUMS_PREFIX + album + "/" + fileName;
    }
}
