package family.gallery.login;

import java.security.PrivateKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** The test key pair in place of the SSM parameter, which has no local emulator. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestSigningKey implements SigningKeySource {

    @Override
    public PrivateKey privateKey() {
        return TestKeys.SOURCE.privateKey();
    }

    @Override
    public String keyPairId() {
        return TestKeys.SOURCE.keyPairId();
    }
}
