package family.gallery.zip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * An S3 object written as a stream: bytes fill a part in memory, and full parts are uploaded
 * {@link #UPLOADS_IN_FLIGHT} at a time while the next fills (one connection carries only so much), so
 * at most that many parts and one more are held, whatever the object's size. {@link #complete()}
 * makes the object; {@link #close()} without it abandons the upload, leaving nothing behind.
 */
final class PartUploadStream extends OutputStream {

    /** S3's limit on parts per upload. */
    static final int MAX_PARTS = 10_000;
    static final int UPLOADS_IN_FLIGHT = 8;

    /** A part on its way, and the buffer it holds until it arrives. */
    private record Upload(Future<CompletedPart> part, byte[] buffer) {
    }

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final ExecutorService uploaders;
    private final List<CompletedPart> parts = new ArrayList<>();
    private final Deque<Upload> uploading = new ArrayDeque<>();
    private final Deque<byte[]> spare = new ArrayDeque<>();
    private final int partSize;
    private byte[] filling;
    private int filled;
    private int sent;
    private long written;
    private boolean completed;

    /** @param partSize at least S3's 5 MiB minimum for every part but the last */
    PartUploadStream(S3Client s3, CreateMultipartUploadRequest create, int partSize) {
        this.s3 = s3;
        this.bucket = create.bucket();
        this.key = create.key();
        this.uploadId = s3.createMultipartUpload(create).uploadId();
        this.uploaders = Executors.newFixedThreadPool(UPLOADS_IN_FLIGHT, runnable -> {
            Thread thread = new Thread(runnable, "zip-part-upload");
            thread.setDaemon(true);
            return thread;
        });
        this.partSize = partSize;
        this.filling = new byte[partSize];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, filling.length - filled);
            System.arraycopy(bytes, offset, filling, filled, n);
            filled += n;
            offset += n;
            length -= n;
            written += n;
            if (filled == partSize) {
                sendPart();
            }
        }
    }

    /** Bytes written so far. */
    long written() {
        return written;
    }

    /** Uploads what is left as the last part and makes the object. */
    void complete() throws IOException {
        if (filled > 0 || sent == 0) {
            sendPart();
        }
        while (!uploading.isEmpty()) {
            awaitOldest();
        }
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        completed = true;
    }

    private void sendPart() throws IOException {
        if (uploading.size() == UPLOADS_IN_FLIGHT) {
            awaitOldest();
        }
        int number = ++sent;
        if (number > MAX_PARTS) {
            throw new IOException("the archive is larger than " + MAX_PARTS + " parts of " + partSize
                    + " bytes, the most one S3 object can be made of");
        }
        byte[] full = filling;
        int length = filled;
        filling = spare.isEmpty() ? new byte[partSize] : spare.pop();
        filled = 0;
        uploading.add(new Upload(uploaders.submit(() -> {
            String eTag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                    .contentLength((long) length),
                    // Read from the part's own array: no copy of it is made.
                    RequestBody.fromContentProvider(() -> new ByteArrayInputStream(full, 0, length), length,
                            "application/octet-stream")).eTag();
            return CompletedPart.builder().partNumber(number).eTag(eTag).build();
        }), full));
    }

    /** Waits for the oldest part on its way; its buffer is then free for another. */
    private void awaitOldest() throws IOException {
        Upload oldest = uploading.removeFirst();
        try {
            parts.add(oldest.part().get());
            spare.push(oldest.buffer());
        } catch (ExecutionException e) {
            throw new IOException("uploading a part of " + key + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading " + key, e);
        }
    }

    @Override
    public void close() {
        uploaders.shutdownNow();
        if (!completed) {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        }
    }
}
