package family.gallery.site.build;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import family.gallery.ingest.MediaKey;
import family.gallery.site.concurrent.ParallelRequests;
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
    private static final int PARALLEL_READS = 16;

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
        // One small GET per album: a lifetime's two thousand albums are read a few at a time.
        List<String> ordered = List.copyOf(paths);
        List<Optional<AlbumYaml.Parsed>> read;
        try (ParallelRequests reads = new ParallelRequests(PARALLEL_READS, "album-settings")) {
            read = reads.all(ordered.stream().<Callable<Optional<AlbumYaml.Parsed>>>map(path -> () -> readOne(path)).toList());
        }
        Map<String, AlbumYaml.Parsed> settings = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            String path = ordered.get(i);
            read.get(i).ifPresent(parsed -> settings.put(path, parsed));
        }
        return settings;
    }

    private Optional<AlbumYaml.Parsed> readOne(String path) {
        String key = MediaKey.ALBUMS_PREFIX + path + "/" + MediaKey.ALBUM_METADATA_FILE;
        try {
            // One byte more than allowed tells an over-long file from one of exactly the limit.
            byte[] text = s3.getObjectAsBytes(r -> r.bucket(sourceBucket).key(key).range("bytes=0-" + MAX_BYTES))
                    .asByteArray();
            return Optional.of(text.length > MAX_BYTES
                    ? new AlbumYaml.Parsed(AlbumSettings.UNREADABLE,
                            List.of("larger than " + MAX_BYTES + " bytes; not read, and the album is shown to nobody until it is smaller"))
                    : AlbumYaml.parse(new String(text, StandardCharsets.UTF_8)));
        } catch (NoSuchKeyException absent) {
            return Optional.empty(); // most albums have none
        } catch (S3Exception e) {
            if (e.statusCode() != RANGE_NOT_SATISFIABLE) {
                throw e;
            }
            return Optional.of(AlbumYaml.parse("")); // an empty file
        }
    }
}
