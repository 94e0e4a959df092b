package family.gallery.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A native image holds only the resources its build names. For every function of template.yaml,
 * each resource file of its module must be named by the module's
 * {@code quarkus.native.resources.includes}, apart from what Quarkus takes in itself: the
 * configuration and the Qute templates under {@code templates/}. A new asset folder without its
 * registration fails here rather than in a deployed native function.
 */
class NativeImageResourcesTest {

    private static final String INCLUDES = "quarkus.native.resources.includes";

    @Test
    void everyResourceOfAFunctionModuleIsInItsNativeImage() throws IOException {
        Path root = StackTemplate.locate().getParent();
        List<Path> modules = StackTemplate.load(StackTemplate.locate()).resourcesOfType("AWS::Serverless::Function").stream()
                .map(function -> function.property("CodeUri").map(String::valueOf).orElseThrow())
                .map(codeUri -> root.resolve(Path.of(codeUri).getName(0))).distinct().toList();
        assertFalse(modules.isEmpty());
        for (Path module : modules) {
            Path resources = module.resolve("src/main/resources");
            List<PathMatcher> included = includes(resources.resolve("application.properties"));
            try (Stream<Path> files = Files.walk(resources)) {
                for (Path file : files.filter(Files::isRegularFile).map(resources::relativize).toList()) {
                    if (file.toString().equals("application.properties") || file.startsWith("templates")) {
                        continue;
                    }
                    assertTrue(included.stream().anyMatch(glob -> glob.matches(file)), module.getFileName() + ": " + file
                            + " is read from the class path but not in the native image: add it to " + INCLUDES);
                }
            }
        }
    }

    private static List<PathMatcher> includes(Path properties) throws IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(properties)) {
            config.load(reader);
        }
        return Arrays.stream(config.getProperty(INCLUDES, "").split(",")).map(String::strip).filter(glob -> !glob.isEmpty())
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
    }
}
