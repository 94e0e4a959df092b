package family.gallery.signingkey;

import java.util.Optional;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Private keys as SSM SecureString parameters of the standard tier, encrypted with the AWS-managed
 * key {@code aws/ssm}: no monthly fee, unlike a Secrets Manager secret or a customer managed KMS key.
 */
public final class SsmPrivateKeyStore implements PrivateKeyStore {

    private final SsmClient ssm;

    public SsmPrivateKeyStore(SsmClient ssm) {
        this.ssm = ssm;
    }

    @Override
    public Optional<String> read(String name) {
        try {
            return Optional.of(ssm.getParameter(get -> get.name(name).withDecryption(true)).parameter().value());
        } catch (ParameterNotFoundException absent) {
            return Optional.empty();
        }
    }

    @Override
    public boolean createIfAbsent(String name, String pem) {
        try {
            ssm.putParameter(put -> put.name(name).value(pem).type(ParameterType.SECURE_STRING).tier(ParameterTier.STANDARD)
                    .overwrite(false).description("Private key that signs the gallery's CloudFront cookies"));
            return true;
        } catch (ParameterAlreadyExistsException exists) {
            return false;
        }
    }

    @Override
    public void delete(String name) {
        try {
            ssm.deleteParameter(delete -> delete.name(name));
        } catch (ParameterNotFoundException alreadyGone) {
            // Deleting twice is fine.
        }
    }
}
