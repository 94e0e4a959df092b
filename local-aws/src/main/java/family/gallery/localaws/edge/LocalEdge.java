package family.gallery.localaws.edge;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import family.gallery.localaws.LocalAws;
import family.gallery.template.IntrinsicResolver;

/**
 * The edge of the local stack: a signing key pair per key resource of the distribution's key groups
 * (as the stack's custom resource makes at deploy time), its private key as a SecureString in a local
 * parameter store under the name the template gives the functions, its public key trusted by the
 * gateway under the key pair id the template gives them; and the gateway itself.
 *
 * <p>A function that signs cookies needs, beside the environment the template gives it, only
 * {@link #functionEnvironment()} (the parameter store's endpoint).
 */
public final class LocalEdge implements AutoCloseable {

    static final String PUBLIC_KEY_ID = "PublicKeyId";
    static final String PARAMETER_NAME = "ParameterName";

    private final LocalParameterStore parameters;
    private final EdgeGateway gateway;

    private LocalEdge(LocalParameterStore parameters, EdgeGateway gateway) {
        this.parameters = parameters;
        this.gateway = gateway;
    }

    /** Starts the gateway on {@code gatewayPort} and the parameter store on {@code parameterStorePort} (0: any free port). */
    public static LocalEdge start(LocalAws stack, int gatewayPort, int parameterStorePort) {
        IntrinsicResolver resolver = stack.topology().resolver();
        Set<String> keyResources = new LinkedHashSet<>();
        Distribution.read(stack.topology().template()).allBehaviours()
                .forEach(behaviour -> keyResources.addAll(behaviour.trustedKeyResources()));
        LocalParameterStore parameters = LocalParameterStore.start(parameterStorePort, stack.region(),
                stack.topology().identity().accountId());
        try {
            TrustedKeys trusted = new TrustedKeys();
            for (String resource : keyResources) {
                LocalSigningKey key = LocalSigningKey.generate(attribute(resolver, resource, PUBLIC_KEY_ID));
                parameters.putSecureString(attribute(resolver, resource, PARAMETER_NAME), key.privateKeyPem());
                trusted.register(resource, key);
            }
            EdgeGateway gateway = EdgeGateway.start(new EdgeGateway.Config(stack.topology().template(), gatewayPort, stack.s3(),
                    stack::bucketName, trusted, Clock.systemUTC()));
            return new LocalEdge(parameters, gateway);
        } catch (RuntimeException e) {
            parameters.close();
            throw e;
        }
    }

    private static String attribute(IntrinsicResolver resolver, String resource, String attribute) {
        return resolver.resolveString(Map.of("Fn::GetAtt", List.of(resource, attribute)), resource + "." + attribute);
    }

    /** Connects a function URL origin, e.g. {@code edge.connect("LoginFunction", json -> lambda.invoke("LoginFunction", json))}. */
    public LocalEdge connect(String functionLogicalId, FunctionUrlOrigin origin) {
        gateway.connect(functionLogicalId, origin);
        return this;
    }

    /** What a function that reads the signing key needs on top of its template environment. */
    public Map<String, String> functionEnvironment() {
        return Map.of("AWS_ENDPOINT_URL_SSM", parameters.endpoint().toString());
    }

    public EdgeGateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        gateway.close();
        parameters.close();
    }
}
