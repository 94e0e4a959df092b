package family.gallery.accounts;

import java.time.Instant;
import java.util.Optional;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import family.gallery.accounts.AlbumZips.Progress;

/** The status objects of album ZIPs in the zip bucket: the zip function writes them, the login function reads them. */
public final class ZipStatuses {

    /** @param saved when the status was last written: a building one that stays quiet has stopped */
    public record Status(Progress progress, Instant saved) {
    }

    private final S3Client s3;
    private final String zipBucket;

    public ZipStatuses(S3Client s3, String zipBucket) {
        this.s3 = s3;
        this.zipBucket = zipBucket;
    }

    public Optional<Status> read(String folder) {
        try {
            var head = s3.headObject(r -> r.bucket(zipBucket).key(folder + AlbumZips.STATUS));
            return Progress.fromMetadata(head.metadata()).map(progress -> new Status(progress, head.lastModified()));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        } catch (S3Exception e) {
            // A HEAD has no body to name the error: a missing key is a bare 404.
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void save(String folder, Progress progress) {
        s3.putObject(r -> r.bucket(zipBucket).key(folder + AlbumZips.STATUS).metadata(progress.metadata())
                .cacheControl("no-store"), RequestBody.empty());
    }
}
