package family.gallery.zip;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * against its peer, the same done with the usual tools: the AWS CLI downloads the album to disk,
 * Info-ZIP's {@code zip -0} stores it into one archive, the AWS CLI uploads that. Run by
 * bench/zip-benchmark.sh, never in the tests.
 */
@Tag("benchmark")
class AlbumZipBenchmark {

    @Test
    void zipAnAlbum() throws Exception {
        int photos = Integer.parseInt(System.getenv().getOrDefault("BENCHMARK_PHOTOS", "2000"));
        int size = Integer.parseInt(System.getenv().getOrDefault("BENCHMARK_MB", "5")) * 1_000_000;
        // On disk: ten gigabytes do not fit the in-memory store the tests' stack keeps.
        Path data = Files.createTempDirectory("zip-benchmark-stack");
        try (LocalAws stack = LocalAws.start(LocalAwsConfig.forTests().withDataDirectory(data))) {
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
                // Read from the one shared array: a copy of it per request made the seeding itself run out of heap.
                pending.add(uploads.submit(() -> s3.putObject(r -> r.bucket(web).key(key),
                        RequestBody.fromInputStream(new ByteArrayInputStream(body), body.length))));
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

            Path work = Files.createTempDirectory("zip-benchmark-peer");
            Map<String, String> cli = Map.of("AWS_ACCESS_KEY_ID", stack.credentials().accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", stack.credentials().secretAccessKey(), "AWS_DEFAULT_REGION", stack.region());
            String endpoint = stack.s3Endpoint().toString();
            long peer = System.nanoTime();
            run(work, cli, "aws", "s3", "cp", "--recursive", "--quiet", "s3://" + web + "/a/family/media/", "album/",
                    "--endpoint-url", endpoint);
            run(work.resolve("album"), cli, "zip", "-0", "-q", "-r", "../album.zip", ".");
            run(work, cli, "aws", "s3", "cp", "--quiet", "album.zip", "s3://" + zips + "/peer/album.zip", "--endpoint-url", endpoint);
            s3.deleteObject(r -> r.bucket(zips).key("peer/album.zip"));
            System.out.printf("peer, aws s3 cp + zip -0 + aws s3 cp: %d ms%n", (System.nanoTime() - peer) / 1_000_000);
            run(work.getParent(), Map.of(), "rm", "-rf", work.toString());

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
        } finally {
            run(data.getParent(), Map.of(), "rm", "-rf", data.toString());
        }
    }

    private static void run(Path directory, Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).inheritIO();
        builder.environment().putAll(environment);
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }
}
