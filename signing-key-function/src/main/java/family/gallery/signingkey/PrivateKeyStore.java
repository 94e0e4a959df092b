package family.gallery.signingkey;

import java.util.Optional;

/** Where private keys are kept encrypted at rest (an SSM SecureString parameter). */
public interface PrivateKeyStore {

    Optional<String> read(String name);

    /** False if a value already exists under that name (it is left as it is). */
    boolean createIfAbsent(String name, String pem);

    /** No error if there is nothing under that name. */
    void delete(String name);
}
