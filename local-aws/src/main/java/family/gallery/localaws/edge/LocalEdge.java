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
    private final boolean ownsParameters;

    private LocalEdge(LocalParameterStore parameters, EdgeGateway gateway, boolean ownsParameters) {
        this.parameters = parameters;
        this.gateway = gateway;
        this.ownsParameters = ownsParameters;
    }

    /**
     * Starts a parameter store on {@code parameterStorePort} and the gateway on {@code gatewayPort}
     * (0: any free port); closing the edge stops both.
     */
    public static LocalEdge start(LocalAws stack, int gatewayPort, int parameterStorePort) {
        LocalParameterStore parameters = LocalParameterStore.start(parameterStorePort, stack.region(),
                stack.topology().identity().accountId());
        try {
            return new LocalEdge(parameters, startGateway(stack, parameters, gatewayPort), true);
        } catch (RuntimeException e) {
            parameters.close();
            throw e;
        }
    }

    /**
     * Starts the gateway with the keys stored in a parameter store started earlier, e.g. before the
     * functions whose environment names its endpoint; the caller keeps and closes the store.
     */
    public static LocalEdge start(LocalAws stack, LocalParameterStore parameters, int gatewayPort) {
        return new LocalEdge(parameters, startGateway(stack, parameters, gatewayPort), false);
    }

    private static EdgeGateway startGateway(LocalAws stack, LocalParameterStore parameters, int gatewayPort) {
        IntrinsicResolver resolver = stack.topology().resolver();
        Set<String> keyResources = new LinkedHashSet<>();
        Distribution.read(stack.topology().template()).allBehaviours()
                .forEach(behaviour -> keyResources.addAll(behaviour.trustedKeyResources()));
        TrustedKeys trusted = new TrustedKeys();
        for (String resource : keyResources) {
            String keyPairId = attribute(resolver, resource, PUBLIC_KEY_ID);
            LocalSigningKey key = stack.dataDirectory()
                    .map(data -> LocalSigningKey.kept(data.resolve("signing-keys").resolve(resource + ".pem"), keyPairId))
                    .orElseGet(() -> LocalSigningKey.generate(keyPairId));
            parameters.putSecureString(attribute(resolver, resource, PARAMETER_NAME), key.privateKeyPem());
            trusted.register(resource, key);
        }
        return EdgeGateway.start(new EdgeGateway.Config(stack.topology().template(), gatewayPort, stack.s3(),
                stack::bucketName, trusted, Clock.systemUTC()));
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
        return parameters.functionEnvironment();
    }

    public EdgeGateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        gateway.close();
        if (ownsParameters) {
            parameters.close();
        }
    }
}
