package family.gallery.locallambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;

import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * AWS's Java runtime interface client, which Lambda's managed Java runtime puts next to the function:
 * it asks the Runtime API for invocations and hands them to the handler.
 */
final class RuntimeInterfaceClient {

    static final String MAIN_CLASS = AWSLambda.class.getName();
    /** The handler of every Quarkus function built in JVM mode. */
    static final String QUARKUS_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /**
     * Where the client looks for its JNI library before unpacking its own copy. Left to itself, every
     * process unpacks it to one fixed path in /tmp, so processes starting together overwrite the
     * library another is loading, and that one aborts.
     */
    static final String JNI_LIBRARY_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private RuntimeInterfaceClient() {
    }

    /** Unpacks the client's JNI library for this machine into {@code dir} once and returns its path. */
    static synchronized Path nativeLibrary(Path dir) {
        String arch = System.getProperty("os.arch");
        String name = switch (arch) {
            case "amd64", "x86_64" -> "libaws-lambda-jni.linux-x86_64.so";
            case "aarch64", "arm64" -> "libaws-lambda-jni.linux-aarch_64.so";
            default -> throw new IllegalStateException("the runtime interface client has no library for " + arch);
        };
        Path library = dir.resolve(name);
        if (Files.isRegularFile(library)) {
            return library;
        }
        try (InputStream in = AWSLambda.class.getResourceAsStream("/jni/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the runtime interface client's jar has no /jni/" + name);
            }
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, name, ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime interface client's library into " + dir, e);
        }
    }

    /** The client's jars, found where this JVM loaded them from. */
    static String classPath() {
        return List.of(AWSLambda.class, PojoSerializer.class, SdkInternalThreadLocal.class).stream()
                .map(RuntimeInterfaceClient::jarOf)
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Path jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell which jar holds " + type.getName()
                    + "; put the runtime interface client's jars on the class path as plain jars");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable location of " + type.getName() + ": " + source.getLocation(), e);
        }
    }
}
