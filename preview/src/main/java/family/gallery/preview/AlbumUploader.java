package family.gallery.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import family.gallery.ingest.MediaKey;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Copies a folder into the source bucket as one album, as {@code aws s3 sync} would: every file
 * under {@code albums/<folder name>/}, sub-folders becoming nested albums, and files already there
 * with the same size left alone, so a second run uploads nothing.
 */
final class AlbumUploader {

    private final S3Client s3;
    private final String bucket;

    AlbumUploader(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Uploads what the bucket lacks and returns how many files it uploaded. */
    int upload(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        String prefix = MediaKey.ALBUMS_PREFIX + folder.toAbsolutePath().normalize().getFileName() + "/";
        Map<String, Long> present = new HashMap<>();
        s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents()
                .forEach(object -> present.put(object.key(), object.size()));
        int uploaded = 0;
        for (Path file : files(folder)) {
            String key = prefix + folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            long size = size(file);
            if (present.containsKey(key) && present.get(key) == size) {
                continue;
            }
            s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType(file)), RequestBody.fromFile(file));
            uploaded++;
        }
        return uploaded;
    }

    /** Whether the bucket holds any album yet. */
    boolean bucketHasAlbums() {
        List<S3Object> first = s3.listObjectsV2(list -> list.bucket(bucket).prefix(MediaKey.ALBUMS_PREFIX).maxKeys(1)).contents();
        return !first.isEmpty();
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String contentType(Path file) {
        try {
            String probed = Files.probeContentType(file);
            return probed != null ? probed : "application/octet-stream";
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
