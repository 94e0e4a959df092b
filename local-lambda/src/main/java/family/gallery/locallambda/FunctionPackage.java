package family.gallery.locallambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A deployment package unpacked as Lambda unpacks it to {@code /var/task}: a JVM package (classes
 * and {@code lib/}) or a custom runtime's, whose {@code bootstrap} executable (a native image) Lambda
 * runs instead.
 */
final class FunctionPackage {

    private static final String BOOTSTRAP = "bootstrap";

    private final Path taskRoot;

    private FunctionPackage(Path taskRoot) {
        this.taskRoot = taskRoot;
    }

    /** Unpacks {@code zip} into an emptied {@code taskRoot}, so a rebuilt package is always picked up. */
    static FunctionPackage unpack(Path zip, Path taskRoot) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("no deployment package at " + zip
                    + ": build the function first (./mvnw package in its module)");
        }
        try {
            deleteTree(taskRoot);
            Files.createDirectories(taskRoot);
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = archive.entries();
                while (entries.hasMoreElements()) {
                    extract(archive, entries.nextElement(), taskRoot);
                }
            }
            Path bootstrap = taskRoot.resolve(BOOTSTRAP);
            if (Files.isRegularFile(bootstrap)) {
                // Java's zip reader drops the file modes that Lambda keeps; a bootstrap is executable by contract.
                Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
        return new FunctionPackage(taskRoot);
    }

    private static void extract(ZipFile archive, ZipEntry entry, Path root) throws IOException {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("entry escapes the package: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        // The package's own times, as Lambda keeps them: unpacking the same package again gives the
        // same files, which class-data sharing archives rely on.
        if (entry.getLastModifiedTime() != null) {
            Files.setLastModifiedTime(target, entry.getLastModifiedTime());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    Path taskRoot() {
        return taskRoot;
    }

    /** The custom runtime's executable, when the package has one (a native image's does). */
    Optional<Path> bootstrap() {
        Path bootstrap = taskRoot.resolve(BOOTSTRAP);
        return Files.isRegularFile(bootstrap) ? Optional.of(bootstrap) : Optional.empty();
    }

    /** Lambda's Java class path: the package root, then every jar in its {@code lib/}. */
    String classPath() {
        return taskRoot + java.io.File.pathSeparator + taskRoot.resolve("lib") + java.io.File.separator + "*";
    }
}
