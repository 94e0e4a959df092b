package family.gallery.accounts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an album's ZIP lives, shared by the site builder (which writes each album's manifest), the
 * zip function (which makes the archive) and the login function (which checks who may ask for one).
 * A ZIP folder sits under the audience prefix that serves the album's media, so the same signed
 * cookies open it: {@code a/family/zips/<digest>/}, the digest covering the manifest, so a changed
 * album gets a new folder. The manifest is in the web bucket beside the media; the archive
 * ({@code album.zip}) and its status (an empty object whose metadata tells the progress) are in the zip
 * bucket, whose objects expire.
 */
public final class AlbumZips {

    public static final String MANIFEST = "manifest.json";
    public static final String ARCHIVE = "album.zip";
    public static final String STATUS = "status";
    private static final Pattern FOLDER = Pattern.compile("((?:a|g)/[A-Za-z0-9_-]{1,64}/)zips/([0-9a-f]{64})/");
    private static final int MAX_ERROR = 300;

    private AlbumZips() {
    }

    /** The folder of a manifest with this digest, under an audience's media prefix such as {@code a/family/}. */
    public static String folder(String audiencePrefix, String digest) {
        String folder = audiencePrefix + "zips/" + digest + "/";
        if (!isFolder(folder)) {
            throw new IllegalArgumentException("not a ZIP folder: " + folder);
        }
        return folder;
    }

    public static boolean isFolder(String folder) {
        return FOLDER.matcher(folder).matches();
    }

    public static boolean isManifest(String key) {
        return key.endsWith("/" + MANIFEST) && isFolder(key.substring(0, key.length() - MANIFEST.length()));
    }

    /** {@code a/family/} for {@code a/family/zips/<digest>/}: what a viewer's cookies must open. */
    public static String audiencePrefix(String folder) {
        return matched(folder).group(1);
    }

    /** The manifest's digest, unique to the folder. */
    public static String digest(String folder) {
        return matched(folder).group(2);
    }

    private static Matcher matched(String folder) {
        Matcher matcher = FOLDER.matcher(folder);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a ZIP folder: " + folder);
        }
        return matcher;
    }

    public enum State {
        BUILDING, READY, FAILED
    }

    /**
     * How far the archive is, kept as the status object's metadata.
     *
     * @param done    files written so far
     * @param skipped files of the manifest no longer in the bucket (the album changed meanwhile)
     * @param bytes   bytes of the archive so far
     * @param error   why it failed, for the page; empty otherwise
     */
    public record Progress(State state, int done, int total, int skipped, long bytes, String error) {

        public static Progress building(int done, int total, int skipped, long bytes) {
            return new Progress(State.BUILDING, done, total, skipped, bytes, "");
        }

        public static Progress failed(int total, String error) {
            // Metadata travels in HTTP headers: printable ASCII only, and short.
            String ascii = error.replaceAll("[^\\x20-\\x7e]", "?");
            return new Progress(State.FAILED, 0, total, 0, 0, ascii.length() > MAX_ERROR ? ascii.substring(0, MAX_ERROR) : ascii);
        }

        public Map<String, String> metadata() {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("state", state.name().toLowerCase(Locale.ROOT));
            metadata.put("done", Integer.toString(done));
            metadata.put("total", Integer.toString(total));
            metadata.put("skipped", Integer.toString(skipped));
            metadata.put("bytes", Long.toString(bytes));
            if (!error.isEmpty()) {
                metadata.put("error", error);
            }
            return metadata;
        }

        /** The progress a status object's metadata tells, if it tells one. */
        public static Optional<Progress> fromMetadata(Map<String, String> metadata) {
            try {
                return Optional.of(new Progress(State.valueOf(metadata.getOrDefault("state", "").toUpperCase(Locale.ROOT)),
                        Integer.parseInt(metadata.getOrDefault("done", "0")), Integer.parseInt(metadata.getOrDefault("total", "0")),
                        Integer.parseInt(metadata.getOrDefault("skipped", "0")), Long.parseLong(metadata.getOrDefault("bytes", "0")),
                        metadata.getOrDefault("error", "")));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        }
    }
}
