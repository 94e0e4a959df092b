package family.gallery.localaws.edge;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A cookie-signing key pair made at start, as the stack's custom resource makes one per rotation:
 * RSA 2048, the private key as PKCS#8 PEM (what the login function reads from its parameter), and a
 * key pair id shaped like CloudFront's.
 */
public final class LocalSigningKey {

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final KeyPair pair;
    private final String keyPairId;

    private LocalSigningKey(KeyPair pair, String keyPairId) {
        this.pair = pair;
        this.keyPairId = keyPairId;
    }

    /** A pair under a fresh id shaped like CloudFront's. */
    public static LocalSigningKey generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder("K");
        for (int i = 0; i < 13; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return generate(id.toString());
    }

    /** A pair under the id the stack already gives its functions. */
    public static LocalSigningKey generate(String keyPairId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            return new LocalSigningKey(generator.generateKeyPair(), keyPairId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    public String keyPairId() {
        return keyPairId;
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    public PrivateKey privateKey() {
        return pair.getPrivate();
    }

    /** The private key as the SSM parameter holds it. */
    public String privateKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }
}
