package family.gallery.localaws.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * A cookie-signing key pair made at start (or kept in the data folder), as the stack's custom
 * resource makes one per rotation:
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

    /**
     * The pair kept in {@code file} (PKCS#8 PEM, readable by the owner only), made and written there
     * the first time: a preview restarted on the same data keeps its key, so browsers stay signed in.
     */
    public static LocalSigningKey kept(Path file, String keyPairId) {
        try {
            if (Files.isRegularFile(file)) {
                String pem = Files.readString(file, StandardCharsets.US_ASCII);
                byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                        .replace("-----END PRIVATE KEY-----", ""));
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
                PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
                return new LocalSigningKey(new KeyPair(publicKey, privateKey), keyPairId);
            }
            LocalSigningKey key = generate(keyPairId);
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, key.privateKeyPem(), StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing key in " + file, e);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold an RSA private key; delete it for a new one", e);
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
