package family.gallery.localaws;

import java.io.InputStream;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;

import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Sits between S3Proxy's request handling and its file store and reports every object the store
 * creates or removes, once the store has done it. S3Proxy's own bookkeeping objects (multipart
 * stubs) never become events.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    /** S3Proxy keeps multipart upload state in objects whose names start with this. */
    static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

    private volatile S3EventNotifier notifier;

    NotifyingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    /** Events start flowing once the topology is known; writes before that raise none. */
    void notifyTo(S3EventNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
        PutObjectResponse response = super.putBlob(request, payload);
        created(request.bucket(), request.key(), "ObjectCreated:Put");
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        created(request.destinationBucket(), request.destinationKey(), "ObjectCreated:Copy");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created(upload.containerName(), upload.blobName(), "ObjectCreated:CompleteMultipartUpload");
        return response;
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        DeleteObjectResponse response = super.removeBlob(request);
        S3EventNotifier current = notifier;
        if (current != null && !isBookkeeping(request.key())) {
            current.objectRemoved(request.bucket(), request.key());
        }
        return response;
    }

    private void created(String bucket, String key, String eventName) {
        S3EventNotifier current = notifier;
        if (current == null || isBookkeeping(key)) {
            return;
        }
        HeadObjectResponse head = delegate().blobMetadata(bucket, key);
        current.objectCreated(bucket, key, eventName, head.contentLength(), head.eTag());
    }

    static boolean isBookkeeping(String key) {
        return key.startsWith(MULTIPART_STUB_PREFIX);
    }
}
