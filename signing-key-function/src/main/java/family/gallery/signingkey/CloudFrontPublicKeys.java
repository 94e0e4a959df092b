package family.gallery.signingkey;

import java.util.Optional;

import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.NoSuchPublicKeyException;
import software.amazon.awssdk.services.cloudfront.model.PublicKeySummary;

/**
 * Public keys registered with CloudFront. Registered here rather than as an
 * {@code AWS::CloudFront::PublicKey} resource because CloudFormation cannot replace that resource
 * when its key changes (CloudFront allows no update of a key), which would fail every rotation.
 */
public final class CloudFrontPublicKeys implements PublicKeyRegistry {

    private final CloudFrontClient cloudFront;

    public CloudFrontPublicKeys(CloudFrontClient cloudFront) {
        this.cloudFront = cloudFront;
    }

    @Override
    public Optional<RegisteredKey> find(String name) {
        return summary(name).map(key -> new RegisteredKey(key.id(), key.encodedKey()));
    }

    @Override
    public String create(String name, String publicKeyPem) {
        return cloudFront.createPublicKey(create -> create.publicKeyConfig(config -> config
                .name(name).callerReference(name).encodedKey(publicKeyPem)
                .comment("Verifies the gallery's signed cookies"))).publicKey().id();
    }

    @Override
    public void delete(String id) {
        try {
            String etag = cloudFront.getPublicKey(get -> get.id(id)).eTag();
            cloudFront.deletePublicKey(delete -> delete.id(id).ifMatch(etag));
        } catch (NoSuchPublicKeyException alreadyGone) {
            // Deleting twice is fine.
        }
    }

    private Optional<PublicKeySummary> summary(String name) {
        String marker = null;
        do {
            String page = marker;
            var list = cloudFront.listPublicKeys(request -> request.marker(page)).publicKeyList();
            if (list.items() != null) {
                Optional<PublicKeySummary> found = list.items().stream().filter(key -> name.equals(key.name())).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
            marker = list.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return Optional.empty();
    }
}
