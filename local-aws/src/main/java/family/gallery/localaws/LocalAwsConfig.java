package family.gallery.localaws;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import family.gallery.template.StackTemplate;

/**
 * How to start the local stack. Port 0 takes any free port.
 *
 * @param dataDirectory where S3 objects and DynamoDB tables are kept across restarts; empty keeps
 *                      objects in a temporary folder and tables in memory, both gone on close
 * @param ttlSweepInterval how often items whose TTL has passed are deleted
 * @param runFunctions whether the template's functions run (from their built function.zip, each
 *                     in its own process) and consume their SQS event sources
 * @param echoFunctionOutput whether what the functions print also goes to this process's standard
 *                           error (it always goes to a log file per function under the data directory)
 * @param extraFunctionEnvironment variables every function gets on top of its template environment
 *                                 and the stack's endpoints, e.g. the endpoint of a local service
 *                                 started beside the stack
 */
public record LocalAwsConfig(Path template, String stackName, String region, Optional<Path> dataDirectory,
        int s3Port, int sqsPort, int dynamoDbPort, int cloudFrontPort, Map<String, String> parameterOverrides,
        Duration ttlSweepInterval, boolean runFunctions, boolean echoFunctionOutput,
        Map<String, String> extraFunctionEnvironment) {

    public static final String DEFAULT_STACK_NAME = "family-gallery";
    public static final String DEFAULT_REGION = "us-east-1";

    public LocalAwsConfig {
        parameterOverrides = Map.copyOf(parameterOverrides);
        extraFunctionEnvironment = Map.copyOf(extraFunctionEnvironment);
    }

    /** The repository's template.yaml, free ports, nothing kept: what tests want. */
    public static LocalAwsConfig forTests() {
        return new LocalAwsConfig(StackTemplate.locate(), DEFAULT_STACK_NAME, DEFAULT_REGION, Optional.empty(), 0, 0, 0, 0,
                Map.of(), Duration.ofSeconds(5), false, true, Map.of());
    }

    public LocalAwsConfig withDataDirectory(Path directory) {
        return new LocalAwsConfig(template, stackName, region, Optional.of(directory), s3Port, sqsPort, dynamoDbPort,
                cloudFrontPort, parameterOverrides, ttlSweepInterval, runFunctions, echoFunctionOutput, extraFunctionEnvironment);
    }

    public LocalAwsConfig withPorts(int s3, int sqs, int dynamoDb, int cloudFront) {
        return new LocalAwsConfig(template, stackName, region, dataDirectory, s3, sqs, dynamoDb, cloudFront,
                parameterOverrides, ttlSweepInterval, runFunctions, echoFunctionOutput, extraFunctionEnvironment);
    }

    public LocalAwsConfig withParameterOverrides(Map<String, String> overrides) {
        return new LocalAwsConfig(template, stackName, region, dataDirectory, s3Port, sqsPort, dynamoDbPort, cloudFrontPort,
                overrides, ttlSweepInterval, runFunctions, echoFunctionOutput, extraFunctionEnvironment);
    }

    public LocalAwsConfig withFunctions(boolean run) {
        return new LocalAwsConfig(template, stackName, region, dataDirectory, s3Port, sqsPort, dynamoDbPort,
                cloudFrontPort, parameterOverrides, ttlSweepInterval, run, echoFunctionOutput, extraFunctionEnvironment);
    }

    public LocalAwsConfig withStack(Path templateFile, String name, String awsRegion) {
        return new LocalAwsConfig(templateFile, name, awsRegion, dataDirectory, s3Port, sqsPort, dynamoDbPort,
                cloudFrontPort, parameterOverrides, ttlSweepInterval, runFunctions, echoFunctionOutput, extraFunctionEnvironment);
    }

    public LocalAwsConfig withExtraFunctionEnvironment(Map<String, String> environment) {
        return new LocalAwsConfig(template, stackName, region, dataDirectory, s3Port, sqsPort, dynamoDbPort,
                cloudFrontPort, parameterOverrides, ttlSweepInterval, runFunctions, echoFunctionOutput, environment);
    }

    public LocalAwsConfig withFunctionOutputEchoed(boolean echo) {
        return new LocalAwsConfig(template, stackName, region, dataDirectory, s3Port, sqsPort, dynamoDbPort,
                cloudFrontPort, parameterOverrides, ttlSweepInterval, runFunctions, echo, extraFunctionEnvironment);
    }
}
