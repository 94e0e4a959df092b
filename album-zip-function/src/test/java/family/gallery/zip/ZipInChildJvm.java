package family.gallery.zip;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Clock;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import family.gallery.accounts.AlbumZips.Progress;

/**
 * The zipper alone in a JVM with the function's heap, against the local stack's S3, so its memory
 * is measured apart from the emulators': prints the outcome, the time and the peak heap used.
 * Arguments: S3 endpoint, region, access key, secret key, web bucket, zip bucket, folder.
 */
public final class ZipInChildJvm {

    public static void main(String[] args) {
        S3Client s3 = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder()).endpointOverride(URI.create(args[0]))
                .forcePathStyle(true).region(Region.of(args[1]))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(args[2], args[3]))).build();
        long started = System.nanoTime();
        Progress made = new AlbumZipper(s3, args[4], args[5], 16 << 20, Clock.systemUTC()).make(args[6]);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage.getUsed()).sum();
        System.out.printf("zipped %s: %d files, %d bytes in %d ms; peak heap %d MB%n", made.state(), made.done(), made.bytes(),
                millis, peak >> 20);
    }
}
