package family.gallery.site.build;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

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
        try (Reads reads = start()) {
            albums.forEach(reads::album);
            return reads.settings();
        }
    }

    /** Reads that begin as the albums turn up, so that they overlap the catalog scan that finds them. */
    public Reads start() {
        return new Reads();
    }

    /** The reads of one build: each album's file and its parents' files, each read once. */
    public final class Reads implements AutoCloseable {

        // One small GET per album: a lifetime's two thousand albums are read a few at a time.
        private final ParallelRequests requests = new ParallelRequests(PARALLEL_READS, "album-settings");
        private final Map<String, Future<Optional<AlbumYaml.Parsed>>> started = new ConcurrentHashMap<>();

        private Reads() {
        }

        /** Reads the files of the album and of its parents unless already begun; safe from any thread. */
        public void album(String album) {
            if (started.containsKey(album)) {
                return;
            }
            for (int slash = album.indexOf('/'); slash >= 0; slash = album.indexOf('/', slash + 1)) {
                begin(album.substring(0, slash));
            }
            begin(album);
        }

        private void begin(String path) {
            started.computeIfAbsent(path, key -> requests.start(() -> readOne(key)));
        }

        /** Waits for every read begun; the first failure is rethrown. */
        public Map<String, AlbumYaml.Parsed> settings() {
            List<String> paths = new ArrayList<>(new TreeSet<>(started.keySet()));
            List<Optional<AlbumYaml.Parsed>> read = ParallelRequests.answers(paths.stream().map(started::get).toList());
            Map<String, AlbumYaml.Parsed> settings = new LinkedHashMap<>();
            for (int i = 0; i < paths.size(); i++) {
                String path = paths.get(i);
                read.get(i).ifPresent(parsed -> settings.put(path, parsed));
            }
            return settings;
        }

        @Override
        public void close() {
            requests.close();
        }
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
