package family.gallery.template;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The pseudo parameters of one stack ({@code AWS::StackName}, {@code AWS::StackId}, ...).
 *
 * @param stackId the stack's ARN, {@code arn:<partition>:cloudformation:<region>:<account>:stack/<name>/<uuid>}
 */
public record StackIdentity(String stackName, String region, String accountId, String partition,
        String urlSuffix, String stackId) {

    /** The account id that local emulators use in ARNs and queue URLs. */
    public static final String LOCAL_ACCOUNT_ID = "000000000000";

    /**
     * A stack that lives on this machine: its id is derived from its name and region, so names built
     * from the stack id (such as a bucket named after it) stay the same from one start to the next.
     */
    public static StackIdentity local(String stackName, String region) {
        UUID uuid = UUID.nameUUIDFromBytes((region + "/" + stackName).getBytes(StandardCharsets.UTF_8));
        String stackId = "arn:aws:cloudformation:" + region + ":" + LOCAL_ACCOUNT_ID + ":stack/" + stackName + "/" + uuid;
        return new StackIdentity(stackName, region, LOCAL_ACCOUNT_ID, "aws", "amazonaws.com", stackId);
    }

    /** The pseudo parameters by the name a {@code Ref} uses. */
    public Map<String, String> pseudoParameters() {
        return Map.of("AWS::StackName", stackName, "AWS::StackId", stackId, "AWS::Region", region,
                "AWS::AccountId", accountId, "AWS::Partition", partition, "AWS::URLSuffix", urlSuffix);
    }
}
