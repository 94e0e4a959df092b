package family.gallery.preview;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A visitor of the gallery over plain HTTP, signing in as the login page's script does, and keeping
 * cookies as a browser does: each under its {@code Path}, sent only to paths at or below it (the
 * longest path first), forgotten at {@code Max-Age=0}.
 */
final class GalleryClient {

    private record Cookie(String name, String value, String path) {
    }

    private final URI site;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Cookie> jar = new ArrayList<>();
    private String home;

    GalleryClient(URI site) {
        this.site = site;
    }

    /** A client at another address (a restarted preview) with the cookies another one holds: the same browser. */
    GalleryClient(URI site, GalleryClient sameBrowser) {
        this(site);
        this.jar.addAll(sameBrowser.jar);
        this.home = sameBrowser.home;
    }

    /** The paths of the cookies held, e.g. {@code /v/3f9c0a1e2b4d5c6e/}, each once. */
    List<String> cookiePaths() {
        return jar.stream().map(Cookie::path).distinct().sorted().toList();
    }

    /** Where the last sign-in or guest link led: the home page of this visitor's view, e.g. {@code /v/3f9c0a1e2b4d5c6e/index.html}. */
    String home() {
        return home;
    }

    /** An album's page in this visitor's view, the album path not yet encoded. */
    String albumPage(String albumPath) {
        String view = home.substring(0, home.indexOf('/', home.indexOf('/', 1) + 1) + 1);
        return view + "albums/" + java.util.Arrays.stream(albumPath.split("/"))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/")) + "/index.html";
    }

    /** Posts the login form with the body's SHA-256, as CloudFront's origin access control needs it. */
    HttpResponse<String> signIn(String user, String password) {
        String body = "username=" + encode(user) + "&password=" + encode(password) + "&next=%2F";
        HttpResponse<String> response = send(HttpRequest.newBuilder(site.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("x-amz-content-sha256", sha256(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return response;
    }

    HttpResponse<String> get(String path) {
        return send(signed(path).GET());
    }

    /** A part of the file, as a video player asks for it, e.g. {@code bytes=0-99}. */
    HttpResponse<String> get(String path, String range) {
        return send(signed(path).header("Range", range).GET());
    }

    /** Posts with an empty body, as the pages' scripts do for {@code /login/refresh} and {@code /login/logout}. */
    HttpResponse<String> post(String path) {
        return send(signed(path).header("x-amz-content-sha256", sha256("")).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder signed(String path) {
        URI uri = site.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        String requestPath = uri.getRawPath();
        String cookies = jar.stream().filter(cookie -> pathMatches(requestPath, cookie.path()))
                .sorted(Comparator.comparingInt((Cookie cookie) -> cookie.path().length()).reversed())
                .map(cookie -> cookie.name() + "=" + cookie.value()).collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return request;
    }

    /** RFC 6265 path-match. */
    static boolean pathMatches(String requestPath, String cookiePath) {
        return requestPath.equals(cookiePath) || requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    private void keep(HttpResponse<?> response) {
        for (String header : response.headers().allValues("set-cookie")) {
            String[] parts = header.split(";");
            int equals = parts[0].indexOf('=');
            String name = parts[0].substring(0, equals).strip();
            String value = parts[0].substring(equals + 1).strip();
            String path = "/";
            boolean expired = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].strip();
                String lower = attribute.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("path=")) {
                    path = attribute.substring(5);
                } else if (lower.startsWith("max-age=")) {
                    expired = Long.parseLong(attribute.substring(8)) <= 0;
                }
            }
            String cookiePath = path;
            jar.removeIf(cookie -> cookie.name().equals(name) && cookie.path().equals(cookiePath));
            if (!expired) {
                jar.add(new Cookie(name, value, cookiePath));
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keep(response);
            response.headers().firstValue("location").filter(location -> location.endsWith("/index.html"))
                    .ifPresent(location -> home = location.startsWith("/g/") ? location.substring(0, location.indexOf('/', 3) + 1)
                            + "index.html" : location);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("the gallery did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
