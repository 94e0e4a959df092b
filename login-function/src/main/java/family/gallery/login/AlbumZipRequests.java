package family.gallery.login;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;

import family.gallery.accounts.AlbumZips;
import family.gallery.accounts.AlbumZips.Progress;
import family.gallery.accounts.ZipStatuses;

/**
 * {@code POST /login/zip}: a page asks for an album's ZIP, then asks again every few seconds until
 * it is ready. Only a visitor whose session opens the ZIP's audience prefix may ask, and only for a
 * ZIP the site offers (its manifest is published). A ZIP that is neither made nor being made is
 * requested from the zip queue, deduplicated, so asking again does not start it twice.
 */
public final class AlbumZipRequests {

    /** The zip function saves its status at least this often while it works; quieter, it has stopped. */
    static final Duration STALLED = Duration.ofMinutes(2);

    public sealed interface Outcome {
    }

    /** No session, or one that has ended. */
    public record NotSignedIn() implements Outcome {
    }

    /** No such ZIP for this visitor: a malformed folder, another audience's, or one the site no longer offers. */
    public record NotOffered(String reason) implements Outcome {
    }

    /**
     * @param progress how far it is; {@code building} with nothing done while it waits in the queue
     * @param href     the archive once ready, an absolute path; else null
     */
    public record Answer(Progress progress, String href) implements Outcome {
    }

    private final SessionRenewal sessions;
    private final S3Client s3;
    private final String webBucket;
    private final ZipStatuses statuses;
    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    public AlbumZipRequests(SessionRenewal sessions, S3Client s3, String webBucket, String zipBucket, SqsClient sqs,
            String queueUrl, Clock clock) {
        this.sessions = sessions;
        this.s3 = s3;
        this.webBucket = webBucket;
        this.statuses = new ZipStatuses(s3, zipBucket);
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    /**
     * @param folder e.g. {@code a/family/zips/<digest>/}
     * @param start  a click rather than a poll: a ZIP that failed is tried again
     */
    public Outcome request(List<String> cookies, String folder, boolean start) {
        Optional<SiteEntry> entry = sessions.entry(cookies);
        if (entry.isEmpty()) {
            return new NotSignedIn();
        }
        if (folder == null || !AlbumZips.isFolder(folder) || !entry.get().prefixes().contains(AlbumZips.audiencePrefix(folder))) {
            return new NotOffered("There is no such album ZIP.");
        }
        Optional<ZipStatuses.Status> status = statuses.read(folder);
        if (status.isPresent()) {
            Progress progress = status.get().progress();
            boolean stalled = progress.state() == AlbumZips.State.BUILDING
                    && status.get().saved().plus(STALLED).isBefore(clock.instant());
            boolean retry = progress.state() == AlbumZips.State.FAILED && start;
            if (progress.state() == AlbumZips.State.READY) {
                return new Answer(progress, "/" + folder + AlbumZips.ARCHIVE);
            }
            if (!stalled && !retry) {
                return new Answer(progress, null);
            }
        }
        if (!offered(folder)) {
            return new NotOffered("This album has changed since the page was loaded. Reload the page.");
        }
        // One request per state seen: polls that see the same state send the same id, which SQS drops.
        // A group of its own, so a request never waits behind one whose function stopped.
        String seen = status.map(s -> Long.toString(s.saved().getEpochSecond())).orElse("new");
        String request = AlbumZips.digest(folder) + "-" + seen;
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(folder).messageGroupId(request).messageDeduplicationId(request));
        return new Answer(Progress.building(0, status.map(s -> s.progress().total()).orElse(0), 0, 0), null);
    }

    private boolean offered(String folder) {
        try {
            s3.headObject(r -> r.bucket(webBucket).key(folder + AlbumZips.MANIFEST));
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
