package family.gallery.zip;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import family.gallery.accounts.ZipManifest;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;

/**
 * An album of {@code BENCHMARK_PHOTOS} files of {@code BENCHMARK_MB} MB each (default 2,000 of 5 MB:
 * 10 GB) on the local stack, zipped by the zipper in a JVM with the function's 1,024 MB heap cap,
 * against its peer: reading every file once from the same S3, which is all a ZIP of stored entries
 * must do besides writing. Run by bench/zip-benchmark.sh, never in the tests.
 */
@Tag("benchmark")
class AlbumZipBenchmark {

    @Test
    void zipAnAlbum() throws Exception {
        int photos = Integer.parseInt(System.getenv().getOrDefault("BENCHMARK_PHOTOS", "2000"));
        int size = Integer.parseInt(System.getenv().getOrDefault("BENCHMARK_MB", "5")) * 1_000_000;
        try (LocalAws stack = LocalAws.start(LocalAwsConfig.forTests())) {
            S3Client s3 = stack.s3();
            Map<String, String> environment = stack.functionEnvironment("AlbumZipFunction");
            String web = environment.get("WEB_BUCKET");
            String zips = environment.get("ZIP_BUCKET");
            List<ZipManifest.Entry> entries = new ArrayList<>();
            byte[] body = new byte[size];
            new Random(1).nextBytes(body);
            long seeding = System.nanoTime();
            ExecutorService uploads = Executors.newFixedThreadPool(8);
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < photos; i++) {
                String key = String.format("a/family/media/%064x/2048x1365.jpg", i);
                entries.add(new ZipManifest.Entry(key, String.format("IMG_%04d.jpg", i), null));
                pending.add(uploads.submit(() -> s3.putObject(r -> r.bucket(web).key(key), RequestBody.fromBytes(body))));
            }
            for (int i = 0; i < pending.size(); i++) {
                pending.get(i).get();
                if ((i + 1) % 250 == 0) {
                    System.out.printf("seeded %d of %d files%n", i + 1, photos);
                }
            }
            uploads.shutdown();
            System.out.printf("seeded %d files, %.1f GB in %d s%n", photos, photos * (double) size / 1e9,
                    (System.nanoTime() - seeding) / 1_000_000_000);
            ZipManifest manifest = ZipManifest.of("Benchmark.zip", entries);
            String folder = manifest.folder("a/family/");
            s3.putObject(r -> r.bucket(web).key(folder + "manifest.json"), RequestBody.fromBytes(manifest.toJson()));

            long reading = System.nanoTime();
            byte[] sink = new byte[1 << 16];
            for (ZipManifest.Entry entry : entries) {
                try (InputStream in = s3.getObject(r -> r.bucket(web).key(entry.key()))) {
                    while (in.read(sink) > 0) {
                        // only read
                    }
                }
            }
            long readMillis = (System.nanoTime() - reading) / 1_000_000;
            System.out.printf("peer, reading every file once: %d ms%n", readMillis);

            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1024m",
                    "-cp", System.getProperty("java.class.path"), ZipInChildJvm.class.getName(), stack.s3Endpoint().toString(),
                    stack.region(), stack.credentials().accessKeyId(), stack.credentials().secretAccessKey(), web, zips, folder);
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().filter(line -> line.startsWith("zipped")).forEach(System.out::println);
            }
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the zipper's JVM failed");
            }
        }
    }
}
