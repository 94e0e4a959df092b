package family.gallery.login;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The login origin behind CloudFront (a function URL): {@code GET /login} shows the form,
 * {@code POST /login} signs in, {@code POST /login/refresh} renews the cookies from the session,
 * {@code GET /login/share/<token>} opens a guest link, {@code POST /login/zip} asks for an album's
 * ZIP and how far it is, {@code GET /logout} asks and
 * {@code POST /login/logout} signs out, {@code /login/assets/*} are the page's stylesheet and
 * script. The page's script asks for JSON answers; a plain form post gets a redirect or the page again.
 */
@Named("login")
public class LoginHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Set by a CloudFront function to the host the viewer asked for: the cookies' domain. */
    static final String HOST_HEADER = "x-gallery-host";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");
    private static final java.time.format.DateTimeFormatter LINK_DATE = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    static final String REFRESH = "/login/refresh";
    static final String LOGOUT = "/login/logout";
    static final String SHARE = "/login/share/";
    static final String ZIP = "/login/zip";

    private final LoginService logins;
    private final SessionRenewal sessions;
    private final GuestEntry guests;
    private final LoginPage page;
    private final LoginAssets assets;
    private final AlbumZipRequests zips;

    public LoginHandler(LoginService logins, SessionRenewal sessions, GuestEntry guests, LoginPage page, LoginAssets assets,
            AlbumZipRequests zips) {
        this.logins = logins;
        this.sessions = sessions;
        this.guests = guests;
        this.page = page;
        this.assets = assets;
        this.zips = zips;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http == null ? "GET" : http.getMethod();
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : lowerCase(event.getHeaders());
        boolean read = method.equals("GET") || method.equals("HEAD");

        if (path.equals("/login") && method.equals("POST")) {
            LoginForm form = LoginForm.parse(event.getBody(), event.getIsBase64Encoded());
            String client = ClientAddress.throttleKey(headers, http == null ? null : http.getSourceIp());
            return answer(logins.login(form, client, headers.get(HOST_HEADER), event.getCookies()), form.next(),
                    headers.getOrDefault("accept", "").contains("application/json"));
        }
        if (path.equals("/login") && read) {
            String next = event.getQueryStringParameters() == null ? null : event.getQueryStringParameters().get("next");
            return html(200, page.render(next, null));
        }
        if (path.equals(REFRESH) && method.equals("POST")) {
            SessionRenewal.Outcome renewed = sessions.renew(event.getCookies(), headers.get(HOST_HEADER));
            return renewed instanceof SessionRenewal.Renewed fresh
                    ? json(200, Map.of("location", fresh.location(), "paths", fresh.paths()), fresh.cookies(), NO_STORE)
                    : json(401, Map.of("error", "Not signed in."), ((SessionRenewal.Ended) renewed).cookies(), NO_STORE);
        }
        if (path.equals(LOGOUT) && method.equals("POST")) {
            List<String> cleared = sessions.signOut(event.getCookies());
            return headers.getOrDefault("accept", "").contains("application/json")
                    ? json(200, Map.of("location", "/login"), cleared, NO_STORE)
                    : APIGatewayV2HTTPResponse.builder().withStatusCode(303)
                            .withHeaders(Map.of("Location", "/login", "Cache-Control", "no-store")).withCookies(cleared).build();
        }
        if (path.equals(ZIP) && method.equals("POST")) {
            return zipAnswer(event);
        }
        if (path.equals("/logout") && read) {
            return html(200, page.renderSignOut());
        }
        if (path.startsWith(SHARE) && read) {
            String client = ClientAddress.throttleKey(headers, http == null ? null : http.getSourceIp());
            return guestAnswer(guests.open(path.substring(SHARE.length()), client, headers.get(HOST_HEADER)));
        }
        if (path.startsWith(LoginAssets.PATH) && read) {
            return assets.find(path).map(asset -> APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", asset.contentType(), "Cache-Control", "public, max-age=3600"))
                    .withBody(asset.body()).build())
                    .orElseGet(() -> text(404, "Not found"));
        }
        if (path.equals("/login") || path.equals("/logout") || path.startsWith(LoginAssets.PATH) || path.startsWith(SHARE)
                || path.equals(REFRESH) || path.equals(LOGOUT) || path.equals(ZIP)) {
            String allowed = path.equals("/login") ? "GET, HEAD, POST"
                    : path.equals(REFRESH) || path.equals(LOGOUT) || path.equals(ZIP) ? "POST" : "GET, HEAD";
            return APIGatewayV2HTTPResponse.builder().withStatusCode(405).withHeaders(Map.of("Allow", allowed)).build();
        }
        return text(404, "Not found");
    }

    /** The body is {@code {"folder": "a/family/zips/<digest>/", "start": true}}; the answer tells the ZIP's progress. */
    private APIGatewayV2HTTPResponse zipAnswer(APIGatewayV2HTTPEvent event) {
        String body = event.getBody() == null ? "" : event.getBody();
        if (event.getIsBase64Encoded()) {
            body = new String(java.util.Base64.getDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8);
        }
        com.fasterxml.jackson.databind.JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            request = null;
        }
        if (request == null || !request.path("folder").isTextual()) {
            return json(400, Map.of("error", "The request names no album ZIP."), List.of(), NO_STORE);
        }
        AlbumZipRequests.Outcome outcome = zips.request(event.getCookies(), request.get("folder").asText(),
                request.path("start").asBoolean(false));
        if (outcome instanceof AlbumZipRequests.NotSignedIn) {
            return json(401, Map.of("error", "Not signed in."), List.of(), NO_STORE);
        }
        if (outcome instanceof AlbumZipRequests.NotOffered notOffered) {
            return json(404, Map.of("error", notOffered.reason()), List.of(), NO_STORE);
        }
        AlbumZipRequests.Answer answer = (AlbumZipRequests.Answer) outcome;
        Map<String, Object> fields = new LinkedHashMap<>(answer.progress().metadata());
        if (answer.href() != null) {
            fields.put("href", answer.href());
        }
        return json(200, fields, List.of(), NO_STORE);
    }

    private APIGatewayV2HTTPResponse guestAnswer(GuestEntry.Outcome outcome) {
        if (outcome instanceof GuestEntry.Opened opened) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(303)
                    .withHeaders(Map.of("Location", opened.location(), "Cache-Control", "no-store"))
                    .withCookies(opened.cookies()).build();
        }
        if (outcome instanceof GuestEntry.Locked locked) {
            return withHeaders(html(429, page.renderNotice("Too many attempts", LoginPage.lockedMessage(locked.retryAfter())
                    .replace("Signing in", "Opening links"))), Map.of("Retry-After", Long.toString(locked.retryAfter().toSeconds())));
        }
        if (outcome instanceof GuestEntry.Expired expired) {
            return html(410, page.renderNotice("This link has expired", "It worked until "
                    + LINK_DATE.format(expired.expired()) + ". Ask whoever sent it for a new one."));
        }
        if (outcome instanceof GuestEntry.AlbumGone) {
            return html(410, page.renderNotice("This album is no longer here",
                    "The album this link shares is no longer in the gallery. Ask whoever sent it."));
        }
        if (outcome instanceof GuestEntry.Preparing) {
            return withHeaders(html(503, page.renderNotice("Almost ready",
                    "The album this link shares is being prepared. Try again in a minute.")), Map.of("Retry-After", "60"));
        }
        return html(404, page.renderNotice("This link is not valid",
                "It may have been mistyped, cut short or withdrawn. Ask whoever sent it for a new one."));
    }

    private APIGatewayV2HTTPResponse answer(LoginService.Outcome outcome, String next, boolean wantsJson) {
        if (outcome instanceof LoginService.SignedIn signedIn) {
            return wantsJson
                    ? json(200, Map.of("location", signedIn.location()), signedIn.cookies(), NO_STORE)
                    : APIGatewayV2HTTPResponse.builder().withStatusCode(303)
                            .withHeaders(Map.of("Location", signedIn.location(), "Cache-Control", "no-store"))
                            .withCookies(signedIn.cookies()).build();
        }
        if (outcome instanceof LoginService.Locked locked) {
            String message = LoginPage.lockedMessage(locked.retryAfter());
            Map<String, String> retryAfter = Map.of("Cache-Control", "no-store", "Retry-After", Long.toString(locked.retryAfter().toSeconds()));
            return wantsJson
                    ? json(429, Map.of("error", message, "retryAfterSeconds", locked.retryAfter().toSeconds()), List.of(), retryAfter)
                    : withHeaders(html(429, page.render(next, message)), retryAfter);
        }
        int status = outcome instanceof LoginService.Incomplete ? 400 : 401;
        String message = status == 400 ? LoginPage.INCOMPLETE : LoginPage.WRONG_CREDENTIALS;
        return wantsJson ? json(status, Map.of("error", message), List.of(), NO_STORE) : html(status, page.render(next, message));
    }

    private static APIGatewayV2HTTPResponse html(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-store"))
                .withBody(body).build();
    }

    private static APIGatewayV2HTTPResponse text(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "text/plain; charset=utf-8", "Cache-Control", "no-store"))
                .withBody(body).build();
    }

    private static APIGatewayV2HTTPResponse json(int status, Map<String, Object> body, List<String> cookies, Map<String, String> headers) {
        try {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put("Content-Type", "application/json");
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(all)
                    .withCookies(cookies).withBody(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static APIGatewayV2HTTPResponse withHeaders(APIGatewayV2HTTPResponse response, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(response.getHeaders());
        all.putAll(extra);
        response.setHeaders(all);
        return response;
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }
}
