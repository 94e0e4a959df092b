package family.gallery.localaws.edge;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public keys CloudFront knows, by the template resource that registers them (a custom resource
 * whose {@code PublicKeyId} attribute a key group lists, or an {@code AWS::CloudFront::PublicKey}).
 * The local stack fills it when it generates a signing key pair.
 */
public final class TrustedKeys {

    public record Key(String keyPairId, PublicKey publicKey) {
    }

    private final Map<String, Key> byResource = new ConcurrentHashMap<>();

    public void register(String resourceLogicalId, String keyPairId, PublicKey publicKey) {
        byResource.put(resourceLogicalId, new Key(keyPairId, publicKey));
    }

    public void register(String resourceLogicalId, LocalSigningKey key) {
        register(resourceLogicalId, key.keyPairId(), key.publicKey());
    }

    Optional<Key> forResource(String resourceLogicalId) {
        return Optional.ofNullable(byResource.get(resourceLogicalId));
    }
}
