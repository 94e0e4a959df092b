package family.gallery.login;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The login page's stylesheet and script, served under {@code /login/assets/} without a login. */
public final class LoginAssets {

    public static final String PATH = "/login/assets/";

    public record Asset(String contentType, String body) {
    }

    private final Map<String, Asset> byPath = Map.of(
            PATH + "login.css", load("login.css", "text/css; charset=utf-8"),
            PATH + "login.js", load("login.js", "text/javascript; charset=utf-8"));

    public Optional<Asset> find(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = LoginAssets.class.getResourceAsStream("/login-assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing login asset " + name);
            }
            return new Asset(contentType, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
