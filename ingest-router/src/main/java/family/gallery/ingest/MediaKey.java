package family.gallery.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * What an object key of the source bucket means. Originals live under {@code albums/}; each folder
 * is an album and nested folders are nested albums; {@code album.yml} in a folder describes it.
 *
 * @param key      the full object key
 * @param kind     what the object is
 * @param album    the album path without {@code albums/}, e.g. {@code 2026 summer/beach}; empty when ignored
 * @param fileName the last segment of the key
 */
public record MediaKey(String key, Kind kind, String album, String fileName) {

    public static final String ALBUMS_PREFIX = "albums/";
    public static final String ALBUM_METADATA_FILE = "album.yml";

    private static final Set<String> PHOTO_EXTENSIONS =
            Set.of("jpg", "jpeg", "png", "webp", "gif", "heic", "heif", "hif", "tif", "tiff");
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "m4v");
    /** Files that operating systems and NAS boxes leave behind; compared ignoring case. */
    private static final Set<String> JUNK_NAMES = Set.of("thumbs.db", "desktop.ini", "@eadir", "__macosx");

    public enum Kind {
        PHOTO, VIDEO, ALBUM_METADATA, IGNORED
    }

    public static MediaKey of(String key) {
        if (key == null || !key.startsWith(ALBUMS_PREFIX) || key.endsWith("/")) {
            return ignored(key);
        }
        String[] segments = key.substring(ALBUMS_PREFIX.length()).split("/", -1);
        if (segments.length < 2) {
            return ignored(key); // a file directly under albums/ belongs to no album
        }
        for (String segment : segments) {
            if (segment.isEmpty() || segment.startsWith(".")
                    || JUNK_NAMES.contains(segment.toLowerCase(Locale.ROOT))) {
                return ignored(key);
            }
        }
        String fileName = segments[segments.length - 1];
        String album = String.join("/", java.util.Arrays.copyOf(segments, segments.length - 1));
        return new MediaKey(key, kindOf(fileName), album, fileName);
    }

    private static Kind kindOf(String fileName) {
        if (fileName.equals(ALBUM_METADATA_FILE)) {
            return Kind.ALBUM_METADATA;
        }
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (PHOTO_EXTENSIONS.contains(extension)) {
            return Kind.PHOTO;
        }
        if (VIDEO_EXTENSIONS.contains(extension)) {
            return Kind.VIDEO;
        }
        return Kind.IGNORED;
    }

    private static MediaKey ignored(String key) {
        return new MediaKey(key, Kind.IGNORED, "", "");
    }

    /** The album's own key prefix, e.g. {@code albums/2026 summer/beach/}. */
    public String albumPrefix() {
        return ALBUMS_PREFIX + album + "/";
    }
}
