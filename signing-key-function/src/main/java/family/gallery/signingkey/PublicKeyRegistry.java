package family.gallery.signingkey;

import java.util.Optional;

/** CloudFront's public keys, by name. */
public interface PublicKeyRegistry {

    /** A registered key: its id and its PEM as CloudFront holds it. */
    record RegisteredKey(String id, String encodedKey) {
    }

    /** The key registered under that name, if there is one. */
    Optional<RegisteredKey> find(String name);

    /** Registers the key under that name; returns its id. */
    String create(String name, String publicKeyPem);

    /** No error if the key is gone already. */
    void delete(String id);
}
