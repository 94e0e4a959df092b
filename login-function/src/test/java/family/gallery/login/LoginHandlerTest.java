package family.gallery.login;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LoginHandlerTest {

    private static Map<String, Object> request(String method, String path, String body) {
        return Map.of("version", "2.0", "routeKey", "$default", "rawPath", path, "rawQueryString", "",
                "headers", Map.of("content-type", "application/x-www-form-urlencoded"),
                "requestContext", Map.of("http", Map.of("method", method, "path", path, "sourceIp", "198.51.100.7")),
                "body", body, "isBase64Encoded", false);
    }

    @Test
    void showsTheLoginForm() {
        given().contentType("application/json").body(request("GET", "/login", ""))
                .when().post()
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("body", containsString("<form method=\"post\" action=\"/login\">"))
                .body("body", not(containsString("role=\"alert\"")));
    }

    @Test
    void refusesCredentialsItCannotCheck() {
        given().contentType("application/json").body(request("POST", "/login", "username=ann&password=x"))
                .when().post()
                .then().statusCode(200)
                .body("statusCode", equalTo(403))
                .body("body", containsString("Wrong username or password."));
    }

    @Test
    void otherPathsAreNotFound() {
        given().contentType("application/json").body(request("GET", "/admin", ""))
                .when().post()
                .then().statusCode(200).body("statusCode", equalTo(404));
    }
}
