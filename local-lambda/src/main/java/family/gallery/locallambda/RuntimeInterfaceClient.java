package family.gallery.locallambda;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
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

    private RuntimeInterfaceClient() {
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
