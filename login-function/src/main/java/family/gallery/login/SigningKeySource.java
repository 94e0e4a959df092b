package family.gallery.login;

import java.security.PrivateKey;

/** The private key that signs the cookies, and the id CloudFront knows its public key by. */
public interface SigningKeySource {

    PrivateKey privateKey();

    String keyPairId();
}
