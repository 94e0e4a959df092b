package family.gallery.site.build;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import family.gallery.ingest.MediaKey;
import family.gallery.site.model.AlbumSettings;
import family.gallery.site.model.AlbumYaml;

/**
 * Reads the {@code album.yml} of each album and of its parents from the source bucket. The file is
 * read at build time, whatever the order its events arrived in, so the site always shows its latest version.
 */
public final class AlbumSettingsSource {

    /** Larger files are reported, not read. */
    static final int MAX_BYTES = 256 * 1024;
    private static final int RANGE_NOT_SATISFIABLE = 416;

    private final S3Client s3;
    private final String sourceBucket;

    public AlbumSettingsSource(S3Client s3, String sourceBucket) {
        this.s3 = s3;
        this.sourceBucket = sourceBucket;
    }

    /** @return the parsed file of each album (or ancestor) that has one */
    public Map<String, AlbumYaml.Parsed> read(Collection<String> albums) {
        Set<String> paths = new TreeSet<>();
        for (String album : albums) {
            for (int slash = album.indexOf('/'); slash >= 0; slash = album.indexOf('/', slash + 1)) {
                paths.add(album.substring(0, slash));
            }
            paths.add(album);
        }
        Map<String, AlbumYaml.Parsed> settings = new LinkedHashMap<>();
        for (String path : paths) {
            String key = MediaKey.ALBUMS_PREFIX + path + "/" + MediaKey.ALBUM_METADATA_FILE;
            try {
                // One byte more than allowed tells an over-long file from one of exactly the limit.
                byte[] text = s3.getObjectAsBytes(r -> r.bucket(sourceBucket).key(key).range("bytes=0-" + MAX_BYTES))
                        .asByteArray();
                settings.put(path, text.length > MAX_BYTES
                        ? new AlbumYaml.Parsed(AlbumSettings.UNREADABLE,
                                List.of("larger than " + MAX_BYTES + " bytes; not read, and the album is shown to nobody until it is smaller"))
                        : AlbumYaml.parse(new String(text, StandardCharsets.UTF_8)));
            } catch (NoSuchKeyException absent) {
                // most albums have none
            } catch (S3Exception e) {
                if (e.statusCode() != RANGE_NOT_SATISFIABLE) {
                    throw e;
                }
                settings.put(path, AlbumYaml.parse("")); // an empty file
            }
        }
        return settings;
    }
}
