package family.gallery.localaws.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import family.gallery.template.StackTemplate;

/** The behaviours of template.yaml as the gateway reads them, and CloudFront's wildcards. */
class DistributionTest {

    private static final Distribution DISTRIBUTION = Distribution.read(StackTemplate.load(StackTemplate.locate()));

    @ParameterizedTest
    @CsvSource({
        "/, *, pages, true",
        "/index.html, *, pages, true",
        "/v/3f9c0a1e2b4d5c6e/albums/x/index.html, *, pages, true",
        "/a/everyone/media/ab12/640x480.jpg, /a/*, pages, true",
        "/a/family/media/ab12/1920x1080.mp4, /a/*, pages, true",
        "/g/k3q7x2mbd5ra/index.html, /g/*, pages, true",
        "/a, *, pages, true",
        "/A/family/x.jpg, *, pages, true",
        "/assets/gallery.0123456789ab.css, /assets/*, pages, false",
        "/login, /login, login, false",
        "/login/, /login/*, login, false",
        "/login/refresh, /login/*, login, false",
        "/login/share/k3q7x2mbd5ra.secret, /login/*, login, false",
        "/loginx, *, pages, true",
        "/logout, /logout, login, false",
        "/login/assets/login.js, /login/assets/*, login, false",
        "/login/assets/, /login/assets/*, login, false",
    })
    void theFirstMatchingBehaviourServesThePath(String path, String pattern, String origin, boolean signed) {
        Distribution.Behaviour behaviour = DISTRIBUTION.behaviourFor(path);
        assertEquals(pattern, behaviour.pathPattern());
        assertEquals(origin, behaviour.origin().id());
        assertEquals(signed, behaviour.signed());
    }

    @Test
    void originsKeyGroupsPoliciesAndErrorsComeFromTheTemplate() {
        assertEquals(Optional.of("WebBucket"), DISTRIBUTION.behaviourFor("/").origin().bucketLogicalId());
        assertEquals(Optional.of("WebBucket"), DISTRIBUTION.behaviourFor("/a/everyone/media/a").origin().bucketLogicalId(),
                "the site builder copies the media of each audience into the web bucket: the only bucket the site reads");
        assertEquals(Optional.of("LoginFunction"), DISTRIBUTION.behaviourFor("/login").origin().functionLogicalId());
        assertEquals(List.of("SigningKey"), DISTRIBUTION.behaviourFor("/").trustedKeyResources());
        assertEquals(List.of("x-gallery-host"), DISTRIBUTION.behaviourFor("/login").viewerRequestHeadersFromHost());
        assertEquals(List.of(), DISTRIBUTION.behaviourFor("/logout").viewerRequestHeadersFromHost());
        assertEquals(List.of("x-gallery-host"), DISTRIBUTION.behaviourFor("/login/refresh").viewerRequestHeadersFromHost(),
                "renewed cookies are signed for the host the viewer asked for");
        Distribution.OriginRequestPolicy login = DISTRIBUTION.behaviourFor("/login").originRequest();
        assertEquals(Set.of("cloudfront-viewer-address", "x-gallery-host", "x-amz-content-sha256", "accept", "content-type"), login.headers());
        assertTrue(login.queryStrings());
        assertFalse(login.allCookies());
        assertEquals(Set.of("gallery-device", "gallery-session"), login.cookies(),
                "only the login function's own cookies reach it");
        assertEquals(Distribution.OriginRequestPolicy.NOTHING, DISTRIBUTION.behaviourFor("/login/assets/a").originRequest());
        assertTrue(DISTRIBUTION.behaviourFor("/login").allowedMethods().contains("POST"));
        assertFalse(DISTRIBUTION.behaviourFor("/").allowedMethods().contains("POST"));
        assertEquals(Optional.of(new Distribution.ErrorResponse(403, "/login")), DISTRIBUTION.errorResponse(403));
        assertEquals(Optional.empty(), DISTRIBUTION.errorResponse(404));
        assertEquals(Optional.of("index.html"), DISTRIBUTION.defaultRootObject());
    }

    @ParameterizedTest
    @CsvSource({
        "/images/*.jpg, /images/a/b.jpg, true",
        "images/*.jpg, /images/a.jpg, true",
        "/images/*.jpg, /images/a.JPG, false",
        "/a?c, /abc, true",
        "/a?c, /ac, false",
        "/a?c, /abbc, false",
        "/a.c, /abc, false",
        "/(x)+, /(x)+, true",
        "/(x)+, /xx, false",
        "*, /anything/at/all, true",
    })
    void pathPatternsUseCloudFrontsWildcards(String pattern, String path, boolean matches) {
        assertEquals(matches, Wildcards.pathPattern(pattern).matcher(path).matches());
    }

    @Test
    void aCloudFrontFunctionTheGatewayCannotRunStopsItAtStart() {
        String template = """
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                  Rewrite:
                    Type: AWS::CloudFront::Function
                    Properties:
                      FunctionCode: "function handler(event) { event.request.uri += 'index.html'; return event.request; }"
                  Distribution:
                    Type: AWS::CloudFront::Distribution
                    Properties:
                      DistributionConfig:
                        Origins:
                          - Id: pages
                            DomainName: !GetAtt Bucket.RegionalDomainName
                            S3OriginConfig: {}
                        DefaultCacheBehavior:
                          TargetOriginId: pages
                          FunctionAssociations:
                            - EventType: viewer-request
                              FunctionARN: !GetAtt Rewrite.FunctionARN
                """;
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Distribution.read(StackTemplate.parse(template)));
        assertTrue(refused.getMessage().contains("Rewrite"), refused.getMessage());
    }
}
