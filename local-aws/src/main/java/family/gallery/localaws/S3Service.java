package family.gallery.localaws;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** S3Proxy over a folder of files, with every object change reported to the event notifier. */
final class S3Service implements AutoCloseable {

    private final S3Proxy proxy;
    private final NotifyingBlobStore store;

    private S3Service(S3Proxy proxy, NotifyingBlobStore store) {
        this.proxy = proxy;
        this.store = store;
    }

    /**
     * S3Proxy on {@code port}, answering only requests signed with {@code credentials}. That also
     * keeps out a web page rebound to 127.0.0.1: it cannot sign without the data folder's secret.
     */
    static S3Service start(Path dataDirectory, int port, LocalCredentials credentials) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new LocalAwsException("cannot create the S3 data folder " + dataDirectory + ": " + e.getMessage(), e);
        }
        NotifyingBlobStore store = new NotifyingBlobStore(new FilesystemNio2BlobStore(dataDirectory.toString()));
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + Ports.HOST + ":" + port))
                // Clients send headers such as checksum modes that change nothing for a local store.
                .ignoreUnknownHeaders(true)
                // As on AWS, only requests signed with the stack's credentials get in.
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.accessKeyId(), credentials.secretAccessKey())
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw Ports.busy("S3", port, e);
        }
        return new S3Service(proxy, store);
    }

    void createBucket(String name) {
        if (!store.containerExists(name)) {
            store.createContainer(name);
        }
    }

    void notifyTo(S3EventNotifier notifier) {
        store.notifyTo(notifier);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
