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
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** A visitor of the gallery over plain HTTP, signing in as the login page's script does. */
final class GalleryClient {

    private final URI site;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cookies = "";

    GalleryClient(URI site) {
        this.site = site;
    }

    /** A client at another address (a restarted preview) with the cookies another one holds: the same browser. */
    GalleryClient(URI site, GalleryClient sameBrowser) {
        this(site);
        this.cookies = sameBrowser.cookies;
    }

    /** Posts the login form with the body's SHA-256, as CloudFront's origin access control needs it. */
    HttpResponse<String> signIn(String user, String password) {
        String body = "username=" + encode(user) + "&password=" + encode(password) + "&next=%2F";
        HttpResponse<String> response = send(HttpRequest.newBuilder(site.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("x-amz-content-sha256", sha256(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        List<String> issued = response.headers().allValues("set-cookie");
        if (!issued.isEmpty()) {
            cookies = issued.stream().map(cookie -> cookie.split(";", 2)[0]).collect(Collectors.joining("; "));
        }
        return response;
    }

    HttpResponse<String> get(String path) {
        return send(signed(path).GET());
    }

    /** A part of the file, as a video player asks for it, e.g. {@code bytes=0-99}. */
    HttpResponse<String> get(String path, String range) {
        return send(signed(path).header("Range", range).GET());
    }

    private HttpRequest.Builder signed(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(site.resolve(path));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
