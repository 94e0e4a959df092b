package family.gallery.login;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The signing key from its SSM SecureString parameter (PKCS#8 PEM), read once per container on the
 * first login. The key never appears in logs or messages.
 */
@ApplicationScoped
public class SsmSigningKey implements SigningKeySource {

    private final SsmClient ssm;
    private final String parameterName;
    private final String keyPairId;
    private volatile PrivateKey key;

    public SsmSigningKey(SsmClient ssm, @ConfigProperty(name = "gallery.signing.key-parameter") String parameterName,
            @ConfigProperty(name = "gallery.signing.key-pair-id") String keyPairId) {
        this.ssm = ssm;
        this.parameterName = parameterName;
        this.keyPairId = keyPairId;
    }

    @Override
    public PrivateKey privateKey() {
        PrivateKey loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    key = parse(ssm.getParameter(get -> get.name(parameterName).withDecryption(true)).parameter().value());
                }
                loaded = key;
            }
        }
        return loaded;
    }

    @Override
    public String keyPairId() {
        return keyPairId;
    }

    static PrivateKey parse(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Deliberately without the cause's text, which could quote key material.
            throw new IllegalStateException("The signing key parameter does not hold a PKCS#8 RSA private key in PEM");
        }
    }
}
