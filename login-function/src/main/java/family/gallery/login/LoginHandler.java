package family.gallery.login;

import java.util.Map;

import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** The login origin behind CloudFront: {@code GET /login} shows the form, {@code POST /login} checks it. */
@Named("login")
public class LoginHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "GET" : event.getRequestContext().getHttp().getMethod();
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        if (!path.equals("/login")) {
            return page(404, "Not found");
        }
        if (method.equals("GET")) {
            return page(200, null);
        }
        if (method.equals("POST")) {
            // No viewer accounts can be checked yet: every attempt is refused.
            return page(403, "Wrong username or password.");
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(405)
                .withHeaders(Map.of("Allow", "GET, POST")).build();
    }

    private static APIGatewayV2HTTPResponse page(int status, String error) {
        String message = error == null ? "" : "<p role=\"alert\">" + error + "</p>";
        String html = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
                <body><main><h1>Sign in</h1>%s<form method="post" action="/login">
                <label>Username <input name="username" autocomplete="username" required></label>
                <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                <button>Sign in</button></form></main></body></html>""".formatted(message);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-store"))
                .withBody(html).build();
    }
}
