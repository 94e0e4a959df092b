package family.gallery.signingkey;

/** CloudFront's public keys, by name. */
public interface PublicKeyRegistry {

    /** The id of the key registered under that name, registering it first if there is none. */
    String register(String name, String publicKeyPem);

    /** No error if there is no key of that name. */
    void remove(String name);
}
