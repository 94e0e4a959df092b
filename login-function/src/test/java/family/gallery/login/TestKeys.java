package family.gallery.login;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;

/** One RSA 2048 key pair per test JVM, standing in for the one the stack generates. */
final class TestKeys {

    static final KeyPair PAIR = generate();
    static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";

    static final SigningKeySource SOURCE = new SigningKeySource() {
        @Override
        public PrivateKey privateKey() {
            return PAIR.getPrivate();
        }

        @Override
        public String keyPairId() {
            return KEY_PAIR_ID;
        }
    };

    private TestKeys() {
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
