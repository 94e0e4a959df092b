package family.gallery.zip;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import software.amazon.awssdk.services.s3.S3Client;

/** Wires the zipper to the S3 client and the function's environment (WEB_BUCKET, ZIP_BUCKET, ZIP_PART_MIB). */
@ApplicationScoped
public class AlbumZipComponents {

    @Produces
    @Singleton
    AlbumZipper zipper(S3Client s3, @ConfigProperty(name = "web.bucket") String webBucket,
            @ConfigProperty(name = "zip.bucket") String zipBucket,
            @ConfigProperty(name = "zip.part.mib", defaultValue = "16") int partMib) {
        return new AlbumZipper(s3, webBucket, zipBucket, partMib << 20, Clock.systemUTC());
    }
}
