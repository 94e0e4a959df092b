package family.gallery.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/albums/%C3%89t%C3%A9%202026/index.html", "/albums/a%2Bb/index.html?photo=3#p3",
            "/albums/x/index.html?next=//evil.example"})
    void keepsPathsOfThisSite(String path) {
        assertEquals(path, RedirectTarget.sanitise(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "///evil.example", "https://evil.example", "http://evil.example/x", "javascript:alert(1)",
            "/\\evil.example", "\\\\evil.example", "/%2Fevil.example", "/%2f%2fevil.example", "%2F%2Fevil.example", "/%5Cevil.example",
            "/%5cevil.example", "/\t/evil.example", "/%09/evil.example", "/\n/evil.example", "/%0a/evil.example", "/%0d%0a/evil.example",
            " //evil.example", "evil.example", "", "/%", "/%zz", "//%65vil.example", "/\u3000/evil.example", "data:text/html,hi",
            "/login", "/login?next=/x", "/logout"})
    void sendsEverythingElseHome(String attempt) {
        assertEquals("/", RedirectTarget.sanitise(attempt));
    }

    @ParameterizedTest
    @ValueSource(ints = {2049, 100_000})
    void refusesOverlongTargets(int length) {
        assertEquals("/", RedirectTarget.sanitise("/" + "a".repeat(length)));
    }
}
