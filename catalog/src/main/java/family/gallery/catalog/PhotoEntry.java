package family.gallery.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One original as the catalog knows it: rendered ({@link PhotoStatus#READY}), refused
 * ({@link PhotoStatus#FAILED} with a reason) or deleted ({@link PhotoStatus#DELETED}, a tombstone
 * that expires). The item attributes are listed in the package documentation.
 *
 * @param sequencer S3's event sequencer of the change this entry records; entries only ever move forward in it
 * @param eTag      the original's ETag without quotes; empty for tombstones
 * @param width     pixels as displayed (after EXIF orientation); 0 unless READY
 * @param height    pixels as displayed; 0 unless READY
 * @param takenAt   empty unless READY
 * @param details   camera, lens, exposure and embedded caption, as far as the photo says ({@link PhotoDetails#NONE} unless READY)
 * @param renditions smallest first; empty unless READY; for a video, its poster frame
 * @param video      the web version and running time of a READY video; empty for photos
 * @param reason    why the photo FAILED, in words a person understands
 * @param expiresAt when DynamoDB may drop a tombstone
 */
public record PhotoEntry(PhotoId id, PhotoStatus status, String sequencer, Optional<String> eTag, int width,
        int height, Optional<TakenAt> takenAt, PhotoDetails details,
        List<Rendition> renditions, Optional<Video> video, Optional<String> reason, Instant updatedAt,
        Optional<Instant> expiresAt) {

    /**
     * How long a tombstone outlives the deletion: longer than a message can live in the resize queue
     * (4 days) plus its dead-letter queue (14 days), so no redriven event can outlast it.
     */
    public static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(30);

    public PhotoEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sequencer, "sequencer");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(video, "video");
        renditions = List.copyOf(renditions);
    }

    public static PhotoEntry ready(PhotoId id, String sequencer, String eTag, int width, int height,
            TakenAt takenAt, PhotoDetails details, List<Rendition> renditions, Instant now) {
        return new PhotoEntry(id, PhotoStatus.READY, sequencer, Optional.of(eTag), width, height,
                Optional.of(takenAt), details, renditions, Optional.empty(), Optional.empty(), now, Optional.empty());
    }

    public static PhotoEntry failed(PhotoId id, String sequencer, String eTag, String reason, Instant now) {
        return new PhotoEntry(id, PhotoStatus.FAILED, sequencer, Optional.of(eTag), 0, 0, Optional.empty(),
                PhotoDetails.NONE, List.of(), Optional.empty(), Optional.of(reason), now, Optional.empty());
    }

    public static PhotoEntry tombstone(PhotoId id, String sequencer, Instant now) {
        return new PhotoEntry(id, PhotoStatus.DELETED, sequencer, Optional.empty(), 0, 0, Optional.empty(),
                PhotoDetails.NONE, List.of(), Optional.empty(), Optional.empty(), now,
                Optional.of(now.plus(TOMBSTONE_LIFETIME)));
    }

    /** The same READY entry as a video with this web version and running time. */
    public PhotoEntry withVideo(Video playable) {
        if (status != PhotoStatus.READY) {
            throw new IllegalStateException("only a READY entry has a web version, not " + status);
        }
        return new PhotoEntry(id, status, sequencer, eTag, width, height, takenAt, details, renditions,
                Optional.of(playable), reason, updatedAt, expiresAt);
    }

    /** Every object in the resized bucket that this entry names: renditions and the video's web version. */
    public List<String> storedKeys() {
        List<String> keys = new java.util.ArrayList<>(renditions.stream().map(Rendition::key).toList());
        video.ifPresent(v -> keys.add(v.webVersion().key()));
        return keys;
    }

    /** READY or FAILED: an original that exists. */
    public boolean isLive() {
        return status != PhotoStatus.DELETED;
    }
}
