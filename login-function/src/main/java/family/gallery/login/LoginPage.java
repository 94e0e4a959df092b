package family.gallery.login;

import java.time.Duration;

/**
 * The login page. Served at {@code /login} and, by CloudFront, in place of any page that needs a
 * login, so its links are absolute and the script takes the page's own address as the way back.
 * Everything from outside (the way back, the site title) is escaped; no inline script or style, so
 * the strict Content-Security-Policy holds.
 */
public final class LoginPage {

    static final String WRONG_CREDENTIALS = "That name and password do not match. Check both and try again.";
    static final String INCOMPLETE = "Enter your name and your password.";

    private final String siteTitle;

    public LoginPage(String siteTitle) {
        this.siteTitle = siteTitle;
    }

    static String lockedMessage(Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return "Too many failed attempts. Signing in is paused for " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }

    /** @param error the message to show, or null for none */
    public String render(String next, String error) {
        String message = error == null
                ? "<p id=\"login-message\" class=\"login-message\" role=\"alert\" hidden></p>"
                : "<p id=\"login-message\" class=\"login-message\" role=\"alert\">" + escape(error) + "</p>";
        return page("Sign in", """
                <form id="login-form" class="login-form" method="post" action="/login">
                <h2>Sign in</h2>
                %1$s
                <input type="hidden" name="next" value="%2$s">
                <label for="username">Name</label>
                <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="64" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" maxlength="1024" required>
                <button type="submit">Sign in</button>
                </form>
                <noscript><p class="login-message">Signing in needs JavaScript. Please turn it on for this site.</p></noscript>
                """.formatted(message, escape(RedirectTarget.sanitise(next))));
    }

    /** A page with a heading and a message, for the answers to a guest link. */
    public String renderNotice(String heading, String message) {
        return page(escape(heading), """
                <section class="login-form">
                <h2>%s</h2>
                <p class="login-message" role="alert">%s</p>
                </section>
                """.formatted(escape(heading), escape(message)));
    }

    /** Asks before signing out: a link from another site can open this page, but only the button signs out. */
    public String renderSignOut() {
        return page("Sign out", """
                <form id="sign-out-form" class="login-form" method="post" action="/login/logout">
                <h2>Sign out</h2>
                <p>Sign out of the gallery in this browser?</p>
                <button type="submit">Sign out</button>
                </form>
                <noscript><p class="login-message">Signing out needs JavaScript. Please turn it on for this site.</p></noscript>
                """);
    }

    private String page(String heading, String content) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <meta name="referrer" content="same-origin">
                <title>%2$s · %1$s</title>
                <link rel="stylesheet" href="/login/assets/login.css">
                <script type="module" src="/login/assets/login.js"></script>
                </head>
                <body>
                <main class="login">
                <h1>%1$s</h1>
                %3$s</main>
                </body>
                </html>
                """.formatted(escape(siteTitle), heading, content);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
