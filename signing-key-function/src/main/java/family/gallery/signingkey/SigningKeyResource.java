package family.gallery.signingkey;

import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * The custom resource behind the cookie signing key. Create makes an RSA 2048 pair, keeps the
 * private key in the key store under {@code ParameterName} and registers the public key with
 * CloudFront under {@code PublicKeyName}; the parameter name is the physical id, so a new name
 * (from a new {@code KeyRotation}) means a new pair, and CloudFormation then deletes the old one.
 * Creating is idempotent: a pair that already exists under the name is reused, so a retried or
 * rolled-back request never leaves CloudFront with a public key whose private key is gone. A public
 * key is trusted, and deleted, only if it is the one made from the stored private key: anyone who
 * may create CloudFront public keys could otherwise plant one under the expected name.
 *
 * <p>Whatever happens, CloudFormation gets an answer, or the stack would wait for an hour.
 */
public final class SigningKeyResource {

    private static final Logger LOG = Logger.getLogger(SigningKeyResource.class);
    private static final Pattern PARAMETER_NAME = Pattern.compile("/[A-Za-z0-9_.\\-/]{1,1000}");

    private final PrivateKeyStore keys;
    private final PublicKeyRegistry cloudFront;
    private final ResponseSender responses;

    public SigningKeyResource(PrivateKeyStore keys, PublicKeyRegistry cloudFront, ResponseSender responses) {
        this.keys = keys;
        this.cloudFront = cloudFront;
        this.responses = responses;
    }

    public void handle(CustomResourceEvent event) throws Exception {
        // On a failed create there is nothing to delete later; an update keeps the resource it had.
        String physicalId = event.physicalResourceId() != null ? event.physicalResourceId() : "failed-" + event.requestId();
        try {
            if ("Delete".equals(event.requestType())) {
                delete(event);
                responses.send(event, true, "deleted", physicalId, Map.of());
            } else {
                String parameterName = event.property("ParameterName");
                Map<String, String> data = create(parameterName, event.property("PublicKeyName"));
                responses.send(event, true, "ready", parameterName, data);
            }
        } catch (Exception | Error failure) {
            LOG.errorf("%s of %s failed: %s", event.requestType(), event.logicalResourceId(), failure.toString());
            String reason = "See the signing key function's log: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
            responses.send(event, false, reason.substring(0, Math.min(reason.length(), 1000)), physicalId, Map.of());
        }
    }

    private Map<String, String> create(String parameterName, String publicKeyName) throws Exception {
        if (!PARAMETER_NAME.matcher(parameterName).matches()) {
            throw new IllegalArgumentException("ParameterName must be an SSM parameter path such as /stack/signing-key/1");
        }
        KeyPair pair = KeyPairs.generate();
        if (!keys.createIfAbsent(parameterName, KeyPairs.privatePem(pair))) {
            pair = KeyPairs.fromPrivatePem(keys.read(parameterName).orElseThrow());
        }
        String publicPem = KeyPairs.publicPem(pair);
        String publicKeyId = cloudFront.find(publicKeyName).map(existing -> {
            if (!samePem(existing.encodedKey(), publicPem)) {
                throw new IllegalStateException("a CloudFront public key named " + publicKeyName + " exists but is not"
                        + " this stack's key, so it is not trusted: delete it, or change KeyRotation");
            }
            return existing.id();
        }).orElseGet(() -> cloudFront.create(publicKeyName, publicPem));
        return Map.of("ParameterName", parameterName, "PublicKeyId", publicKeyId, "PublicKeyPem", publicPem);
    }

    private void delete(CustomResourceEvent event) {
        if (event.physicalResourceId() == null || !PARAMETER_NAME.matcher(event.physicalResourceId()).matches()) {
            return; // a create that failed before it made anything
        }
        Object publicKeyName = event.properties().get("PublicKeyName");
        Optional<String> ours = keys.read(event.physicalResourceId()).map(SigningKeyResource::publicPemOf);
        if (publicKeyName instanceof String name && !name.isBlank() && ours.isPresent()) {
            cloudFront.find(name).filter(key -> samePem(key.encodedKey(), ours.get()))
                    .ifPresentOrElse(key -> cloudFront.delete(key.id()),
                            () -> LOG.warnf("the public key named %s is not this stack's; left alone", name));
        }
        keys.delete(event.physicalResourceId());
    }

    private static String publicPemOf(String privatePem) {
        try {
            return KeyPairs.publicPem(KeyPairs.fromPrivatePem(privatePem));
        } catch (Exception e) {
            throw new IllegalStateException("the stored private key cannot be read", e);
        }
    }

    /** CloudFront may hand a key back with other line breaks than it was given. */
    private static boolean samePem(String a, String b) {
        return a != null && a.replaceAll("\\s", "").equals(b.replaceAll("\\s", ""));
    }
}
