package family.gallery.zip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
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
 * An S3 object written as a stream: bytes fill a part in memory, and a full part is uploaded while
 * the next fills, so at most two parts are held, whatever the object's size. {@link #complete()}
 * makes the object; {@link #close()} without it abandons the upload, leaving nothing behind.
 */
final class PartUploadStream extends OutputStream {

    /** S3's limit on parts per upload. */
    static final int MAX_PARTS = 10_000;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final ExecutorService uploader;
    private final List<CompletedPart> parts = new ArrayList<>();
    private byte[] filling;
    private byte[] spare;
    private int filled;
    private Future<CompletedPart> uploading;
    private long written;
    private boolean completed;

    /** @param partSize at least S3's 5 MiB minimum for every part but the last */
    PartUploadStream(S3Client s3, CreateMultipartUploadRequest create, int partSize) {
        this.s3 = s3;
        this.bucket = create.bucket();
        this.key = create.key();
        this.uploadId = s3.createMultipartUpload(create).uploadId();
        this.uploader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "zip-part-upload");
            thread.setDaemon(true);
            return thread;
        });
        this.filling = new byte[partSize];
        this.spare = new byte[partSize];
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
            if (filled == filling.length) {
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
        if (filled > 0 || parts.isEmpty() && uploading == null) {
            sendPart();
        }
        awaitUpload();
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        completed = true;
    }

    private void sendPart() throws IOException {
        awaitUpload();
        int number = parts.size() + 1;
        if (number > MAX_PARTS) {
            throw new IOException("the archive is larger than " + MAX_PARTS + " parts of " + filling.length
                    + " bytes, the most one S3 object can be made of");
        }
        byte[] full = filling;
        int length = filled;
        filling = spare;
        spare = full;
        filled = 0;
        uploading = uploader.submit(() -> {
            String eTag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                    .contentLength((long) length),
                    // Read from the part's own array: no copy of it is made.
                    RequestBody.fromContentProvider(() -> new ByteArrayInputStream(full, 0, length), length,
                            "application/octet-stream")).eTag();
            return CompletedPart.builder().partNumber(number).eTag(eTag).build();
        });
    }

    private void awaitUpload() throws IOException {
        if (uploading == null) {
            return;
        }
        try {
            parts.add(uploading.get());
        } catch (ExecutionException e) {
            throw new IOException("uploading part " + (parts.size() + 1) + " of " + key + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading " + key, e);
        } finally {
            uploading = null;
        }
    }

    @Override
    public void close() {
        uploader.shutdownNow();
        if (!completed) {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        }
    }
}
