package family.gallery.login;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The fields of a submitted login form ({@code application/x-www-form-urlencoded}). */
public record LoginForm(String username, char[] password, String next) {

    /** Far more than a name, a password and a path need; anything larger is not a login. */
    static final int MAX_BODY_CHARS = 8192;

    public static LoginForm parse(String body, boolean base64Encoded) {
        String text = body == null ? "" : body;
        if (base64Encoded) {
            try {
                text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                text = "";
            }
        }
        Map<String, String> fields = new HashMap<>();
        if (text.length() <= MAX_BODY_CHARS) {
            for (String pair : text.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    fields.putIfAbsent(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
                }
            }
        }
        return new LoginForm(fields.getOrDefault("username", ""), fields.getOrDefault("password", "").toCharArray(),
                fields.getOrDefault("next", RedirectTarget.HOME));
    }

    public boolean isComplete() {
        return !username.isBlank() && password.length > 0;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
