package family.gallery.signingkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import family.gallery.template.IntrinsicResolver;
import family.gallery.template.ResourceReferences;
import family.gallery.template.StackIdentity;
import family.gallery.template.StackTemplate;

/** The custom resource's life cycle, answered to a real HTTP server standing in for CloudFormation. */
class SigningKeyResourceTest {

    private static final String PARAMETER = "/gallery/cloudfront-signing-key/1";

    /** What CloudFormation received: method, query, content type and document of each answer. */
    record Answer(String method, String query, String contentType, JsonNode document) {
    }

    private final List<Answer> answers = new ArrayList<>();
    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> publicKeys = new HashMap<>();
    private HttpServer cloudFormation;
    private boolean cloudFrontFails;

    private final PrivateKeyStore store = new PrivateKeyStore() {
        public Optional<String> read(String name) {
            return Optional.ofNullable(parameters.get(name));
        }

        public boolean createIfAbsent(String name, String pem) {
            return parameters.putIfAbsent(name, pem) == null;
        }

        public void delete(String name) {
            parameters.remove(name);
        }
    };

    /** CloudFront's public keys as name to PEM; a key's id is made from its name. */
    private final PublicKeyRegistry registry = new PublicKeyRegistry() {
        public Optional<RegisteredKey> find(String name) {
            return Optional.ofNullable(publicKeys.get(name)).map(pem -> new RegisteredKey(id(name), pem));
        }

        public String create(String name, String pem) {
            if (cloudFrontFails) {
                throw new IllegalStateException("TooManyPublicKeys");
            }
            publicKeys.put(name, pem);
            return id(name);
        }

        public void delete(String id) {
            publicKeys.keySet().removeIf(name -> id(name).equals(id));
        }

        private static String id(String name) {
            return "K" + Math.abs(name.hashCode());
        }
    };

    private final SigningKeyResource resource = new SigningKeyResource(store, registry, new ResponseSender());

    @BeforeEach
    void startCloudFormation() throws IOException {
        cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloudFormation.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            answers.add(new Answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new ObjectMapper().readTree(body)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
    }

    @AfterEach
    void stopCloudFormation() {
        cloudFormation.stop(0);
    }

    private String responseUrl() {
        return "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/cloudformation-custom-resource-response?X-Amz-Signature=abc%2B1";
    }

    private CustomResourceEvent event(String type, String physicalId, Map<String, Object> properties) {
        return new CustomResourceEvent(type, responseUrl(), "arn:aws:cloudformation:eu-west-1:123456789012:stack/gallery/1",
                "request-" + answers.size(), "SigningKey", physicalId, properties);
    }

    /** A request from ../events (for {@code sam local invoke SigningKeyFunction -e}), answered here instead of to S3. */
    private CustomResourceEvent sample(String name) throws IOException {
        Map<String, Object> request = new ObjectMapper().readValue(Path.of("../events", name).toFile(),
                new TypeReference<Map<String, Object>>() { });
        request.put("ResponseURL", responseUrl());
        return CustomResourceEvent.of(request);
    }

    /** The SigningKey resource's properties in template.yaml, resolved for the request's stack with default parameters. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> templateProperties(CustomResourceEvent request) {
        String[] arn = request.stackId().split(":"); // arn:aws:cloudformation:<region>:<account>:stack/<name>/<id>
        StackTemplate template = StackTemplate.load(StackTemplate.locate());
        ResourceReferences serviceToken = new ResourceReferences() {
            public String ref(StackTemplate.Resource resource) {
                throw new IllegalArgumentException("SigningKey refers to " + resource.logicalId());
            }

            public String attribute(StackTemplate.Resource resource, String attribute) {
                assertEquals("SigningKeyFunction.Arn", resource.logicalId() + "." + attribute);
                return (String) request.properties().get("ServiceToken");
            }
        };
        StackIdentity stack = new StackIdentity(arn[5].split("/")[1], arn[3], arn[4], arn[1], "amazonaws.com", request.stackId());
        return (Map<String, Object>) new IntrinsicResolver(template, stack, Map.of(), serviceToken)
                .resolve(template.requireResource("SigningKey").properties());
    }

    private static Map<String, Object> properties(String parameter, String keyName) {
        return Map.of("ServiceToken", "arn:aws:lambda:eu-west-1:123456789012:function:signing-key",
                "ParameterName", parameter, "PublicKeyName", keyName);
    }

    private Answer lastAnswer() {
        return answers.get(answers.size() - 1);
    }

    @Test
    void createMakesAPairKeepsThePrivateKeyAndAnswersWithThePublicKey() throws Exception {
        resource.handle(event("Create", null, properties(PARAMETER, "gallery-1")));

        Answer answer = lastAnswer();
        assertEquals("PUT", answer.method());
        assertEquals("X-Amz-Signature=abc%2B1", answer.query(), "the pre-signed query is sent as it came");
        assertNull(answer.contentType(), "the URL is signed without a content type");
        JsonNode document = answer.document();
        assertEquals("SUCCESS", document.get("Status").asText());
        assertEquals(PARAMETER, document.get("PhysicalResourceId").asText());
        assertEquals("request-0", document.get("RequestId").asText());
        assertEquals("SigningKey", document.get("LogicalResourceId").asText());
        assertEquals("arn:aws:cloudformation:eu-west-1:123456789012:stack/gallery/1", document.get("StackId").asText());

        String publicPem = document.get("Data").get("PublicKeyPem").asText();
        assertEquals(publicPem, publicKeys.get("gallery-1"));
        assertEquals("K" + Math.abs("gallery-1".hashCode()), document.get("Data").get("PublicKeyId").asText());
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(publicPem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""))));
        assertEquals(2048, publicKey.getModulus().bitLength());

        // The stored private key signs what the returned public key verifies.
        Signature signer = Signature.getInstance("SHA1withRSA");
        signer.initSign(KeyPairs.fromPrivatePem(parameters.get(PARAMETER)).getPrivate());
        signer.update("policy".getBytes(StandardCharsets.UTF_8));
        Signature verifier = Signature.getInstance("SHA1withRSA");
        verifier.initVerify(publicKey);
        verifier.update("policy".getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(signer.sign()));
        assertFalse(answer.document().toString().contains("PRIVATE KEY"), "the private key never leaves the store");
    }

    @Test
    void aRepeatedCreateOrARollbackReusesThePairItFinds() throws Exception {
        resource.handle(event("Create", null, properties(PARAMETER, "gallery-1")));
        String first = lastAnswer().document().get("Data").get("PublicKeyPem").asText();
        resource.handle(event("Update", PARAMETER, properties(PARAMETER, "gallery-1")));
        assertEquals(first, lastAnswer().document().get("Data").get("PublicKeyPem").asText());
        assertEquals(1, parameters.size());
    }

    @Test
    void aNewRotationMakesANewPairAndTheOldOneIsDeletedAfterwards() throws Exception {
        resource.handle(event("Create", null, properties(PARAMETER, "gallery-1")));
        String first = lastAnswer().document().get("Data").get("PublicKeyPem").asText();

        String rotated = "/gallery/cloudfront-signing-key/2";
        resource.handle(event("Update", PARAMETER, properties(rotated, "gallery-2")));
        assertEquals(rotated, lastAnswer().document().get("PhysicalResourceId").asText());
        assertNotEquals(first, lastAnswer().document().get("Data").get("PublicKeyPem").asText());

        // CloudFormation's clean-up after the update: a delete with the old id and old properties.
        resource.handle(event("Delete", PARAMETER, properties(PARAMETER, "gallery-1")));
        assertEquals("SUCCESS", lastAnswer().document().get("Status").asText());
        assertEquals(Map.of(rotated, parameters.get(rotated)), parameters);
        assertEquals(List.of("gallery-2"), List.copyOf(publicKeys.keySet()));
    }

    @Test
    void aKeyPlantedUnderTheExpectedNameIsNeitherTrustedNorDeleted() throws Exception {
        String planted = KeyPairs.publicPem(KeyPairs.generate());
        publicKeys.put("gallery-1", planted);
        resource.handle(event("Create", null, properties(PARAMETER, "gallery-1")));
        JsonNode refused = lastAnswer().document();
        assertEquals("FAILED", refused.get("Status").asText());
        assertTrue(refused.get("Reason").asText().contains("a CloudFront public key named gallery-1 exists but is not"
                + " this stack's key, so it is not trusted"), refused.toString());
        assertEquals(planted, publicKeys.get("gallery-1"));

        // This stack's own key is made under another name; deleting the resource later leaves the planted one.
        resource.handle(event("Create", null, properties(PARAMETER, "gallery-2")));
        assertEquals("SUCCESS", lastAnswer().document().get("Status").asText());
        resource.handle(event("Delete", PARAMETER, properties(PARAMETER, "gallery-1")));
        assertEquals("SUCCESS", lastAnswer().document().get("Status").asText());
        assertEquals(planted, publicKeys.get("gallery-1"), "a key that is not ours is left alone");
    }

    @Test
    void deletingWhatNeverExistedSucceeds() throws Exception {
        resource.handle(event("Delete", "failed-request-0", properties(PARAMETER, "gallery-1")));
        assertEquals("SUCCESS", lastAnswer().document().get("Status").asText());
        assertEquals("failed-request-0", lastAnswer().document().get("PhysicalResourceId").asText());
        resource.handle(event("Delete", PARAMETER, Map.of()));
        assertEquals("SUCCESS", lastAnswer().document().get("Status").asText());
    }

    @Test
    void failuresAreReportedNotLeftHanging() throws Exception {
        resource.handle(event("Create", null, Map.of("PublicKeyName", "gallery-1")));
        JsonNode missing = lastAnswer().document();
        assertEquals("FAILED", missing.get("Status").asText());
        assertTrue(missing.get("Reason").asText().contains("ParameterName is required"), missing.toString());
        assertEquals("failed-request-0", missing.get("PhysicalResourceId").asText());

        resource.handle(event("Create", null, properties("not/a/path", "gallery-1")));
        assertEquals("FAILED", lastAnswer().document().get("Status").asText());

        cloudFrontFails = true;
        resource.handle(event("Update", PARAMETER, properties("/gallery/cloudfront-signing-key/3", "gallery-3")));
        JsonNode failedUpdate = lastAnswer().document();
        assertEquals("FAILED", failedUpdate.get("Status").asText());
        assertEquals(PARAMETER, failedUpdate.get("PhysicalResourceId").asText(), "a failed update keeps the resource it had");
        assertTrue(failedUpdate.get("Reason").asText().contains("TooManyPublicKeys"), failedUpdate.toString());
        assertEquals(3, answers.size());
    }

    @Test
    void theSampleRequestsCarryTheTemplatesPropertiesAndCreateThenDeleteTheKey() throws Exception {
        CustomResourceEvent create = sample("signing-key-create.json");
        assertEquals("Create", create.requestType());
        assertEquals(templateProperties(create), create.properties());
        resource.handle(create);
        assertEquals("SUCCESS", lastAnswer().document().get("Status").asText());
        String parameter = "/family-gallery/cloudfront-signing-key/1";
        assertEquals(parameter, lastAnswer().document().get("PhysicalResourceId").asText());
        assertEquals(Set.of(parameter), parameters.keySet());
        assertEquals(Set.of("gallery-8e1f3a2c-5b7d-11f1-9c4e-0a1b2c3d4e5f-1"), publicKeys.keySet());

        CustomResourceEvent delete = sample("signing-key-delete.json");
        assertEquals("Delete", delete.requestType());
        assertEquals(parameter, delete.physicalResourceId());
        resource.handle(delete);
        assertEquals("SUCCESS", lastAnswer().document().get("Status").asText());
        assertEquals(Set.of(), parameters.keySet());
        assertEquals(Set.of(), publicKeys.keySet());
    }
}
