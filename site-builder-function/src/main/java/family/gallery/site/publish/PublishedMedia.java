package family.gallery.site.publish;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * What the builder knows of the media copies in the web bucket, kept in the bucket itself (outside
 * every audience prefix, so no cookie opens it): the keys it copied, and the keys that may or may not
 * exist because a copy or a delete was under way when a build stopped. Every change to the bucket's
 * media is recorded as uncertain before it is made and as done after, so a build that fails or times
 * out at any point leaves a manifest that still names every copy that may exist: an uncertain key is
 * copied again if wanted and deleted if not. Not thread-safe; one build at a time holds it.
 */
public final class PublishedMedia {

    /** The manifest's key: outside {@code v/}, {@code a/}, {@code g/} and {@code assets/}, so never served. */
    public static final String KEY = "build/published-media.gz";
    private static final int FORMAT = 1;

    private final Set<String> present;
    private final Set<String> uncertain;

    private PublishedMedia(Set<String> present, Set<String> uncertain) {
        this.present = present;
        this.uncertain = uncertain;
    }

    /** What a first build, or one whose manifest is gone, starts from before it lists the bucket. */
    static PublishedMedia none() {
        return new PublishedMedia(new HashSet<>(), new HashSet<>());
    }

    /** The manifest in the bucket, if there is one. */
    static Optional<PublishedMedia> read(S3Client s3, String bucket) {
        try (InputStream stored = s3.getObject(r -> r.bucket(bucket).key(KEY));
                DataInputStream in = new DataInputStream(new GZIPInputStream(stored, 1 << 16))) {
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            Set<String> present = readKeys(in);
            return Optional.of(new PublishedMedia(present, readKeys(in)));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + KEY, e);
        }
    }

    void save(S3Client s3, String bucket) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(FORMAT);
            writeKeys(out, present);
            writeKeys(out, uncertain);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + KEY, e);
        }
        s3.putObject(r -> r.bucket(bucket).key(KEY).contentType("application/gzip").cacheControl("no-store"),
                RequestBody.fromBytes(bytes.toByteArray()));
    }

    /** A copy known to be in the bucket, neither under way nor being deleted. */
    boolean isPresent(String key) {
        return present.contains(key);
    }

    /** Every key that may be in the bucket. */
    Set<String> mayExist() {
        Set<String> all = new HashSet<>(present);
        all.addAll(uncertain);
        return all;
    }

    /** Before copying or deleting these keys. */
    void markUncertain(Collection<String> keys) {
        present.removeAll(keys);
        uncertain.addAll(keys);
    }

    /** After these keys were copied, or were found in the bucket. */
    void markPresent(Collection<String> keys) {
        uncertain.removeAll(keys);
        present.addAll(keys);
    }

    /** After these keys were deleted, or were found missing from the bucket. */
    void markAbsent(Collection<String> keys) {
        present.removeAll(keys);
        uncertain.removeAll(keys);
    }

    private static Set<String> readKeys(DataInputStream in) throws IOException {
        int count = in.readInt();
        Set<String> keys = new HashSet<>(count * 2);
        for (int i = 0; i < count; i++) {
            keys.add(in.readUTF());
        }
        return keys;
    }

    private static void writeKeys(DataOutputStream out, Set<String> keys) throws IOException {
        out.writeInt(keys.size());
        for (String key : keys) {
            out.writeUTF(key);
        }
    }
}
