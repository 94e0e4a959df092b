package family.gallery.signingkey;

import java.util.Map;

import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The CloudFormation custom resource {@code Custom::SigningKey}. */
@Named("signing-key")
public class SigningKeyHandler implements RequestHandler<Map<String, Object>, Void> {

    private final SigningKeyResource resource;

    public SigningKeyHandler(SsmClient ssm) {
        // CloudFront's API is global and answers in us-east-1.
        CloudFrontClient cloudFront = CloudFrontClient.builder().region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.resource = new SigningKeyResource(new SsmPrivateKeyStore(ssm), new CloudFrontPublicKeys(cloudFront), new ResponseSender());
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        try {
            resource.handle(CustomResourceEvent.of(event));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering CloudFormation", interrupted);
        } catch (Exception unanswered) {
            throw new IllegalStateException("could not answer CloudFormation", unanswered);
        }
        return null;
    }
}
