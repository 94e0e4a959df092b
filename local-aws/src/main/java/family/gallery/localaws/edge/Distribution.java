package family.gallery.localaws.edge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import family.gallery.template.Nodes;
import family.gallery.template.StackTemplate;
import family.gallery.template.StackTemplate.Resource;

/**
 * The parts of a template's {@code AWS::CloudFront::Distribution} that decide what a viewer gets:
 * origins, cache behaviours in order, trusted key groups, viewer-request functions, origin request
 * and response headers policies, custom error responses and the default root object.
 */
final class Distribution {

    /**
     * An S3 origin (a bucket of the template) or a Lambda function URL origin; {@code signedPayload}
     * when CloudFront signs its requests to the function URL with origin access control, which then
     * needs the viewer's SHA-256 of a request body.
     */
    record Origin(String id, Optional<String> bucketLogicalId, Optional<String> functionLogicalId, boolean signedPayload) {
    }

    /**
     * What an origin request policy sends on: the named headers, all query strings or none, and the
     * cookies it names ({@code allCookies} when it sends them all).
     */
    record OriginRequestPolicy(Set<String> headers, boolean queryStrings, boolean allCookies, Set<String> cookies) {
        static final OriginRequestPolicy NOTHING = new OriginRequestPolicy(Set.of(), false, false, Set.of());
    }

    record Behaviour(String pathPattern, Pattern path, Origin origin, Set<String> allowedMethods,
            List<String> trustedKeyResources, List<String> viewerRequestHeadersFromHost,
            OriginRequestPolicy originRequest, Map<String, String> responseHeaders) {

        boolean signed() {
            return !trustedKeyResources.isEmpty();
        }
    }

    record ErrorResponse(int responseCode, String pagePath) {
    }

    // The one kind of CloudFront Function the gateway can run: copy the Host header into another header.
    private static final Pattern HOST_COPY = Pattern.compile(
            "request\\.headers\\[['\"]([A-Za-z0-9-]+)['\"]\\]\\s*=\\s*\\{\\s*value\\s*:\\s*request\\.headers\\.host\\.value\\s*}");

    private final List<Behaviour> behaviours;
    private final Behaviour defaultBehaviour;
    private final Map<Integer, ErrorResponse> errorResponses;
    private final Optional<String> defaultRootObject;

    private Distribution(List<Behaviour> behaviours, Behaviour defaultBehaviour, Map<Integer, ErrorResponse> errorResponses,
            Optional<String> defaultRootObject) {
        this.behaviours = behaviours;
        this.defaultBehaviour = defaultBehaviour;
        this.errorResponses = errorResponses;
        this.defaultRootObject = defaultRootObject;
    }

    /** The template's one distribution. */
    static Distribution read(StackTemplate template) {
        List<Resource> distributions = template.resourcesOfType("AWS::CloudFront::Distribution");
        if (distributions.size() != 1) {
            throw new IllegalArgumentException("expected one AWS::CloudFront::Distribution, found " + distributions.size());
        }
        Map<String, Object> config = Nodes.asMap(distributions.get(0).property("DistributionConfig")
                .orElseThrow(() -> new IllegalArgumentException("the distribution has no DistributionConfig")), "DistributionConfig");
        Map<String, Origin> origins = new LinkedHashMap<>();
        for (Object node : list(config.get("Origins"))) {
            Origin origin = origin(template, Nodes.asMap(node, "Origins[]"));
            origins.put(origin.id(), origin);
        }
        Function<Map<String, Object>, Behaviour> behaviour = node -> behaviour(template, origins, node);
        List<Behaviour> behaviours = list(config.get("CacheBehaviors")).stream()
                .map(node -> behaviour.apply(Nodes.asMap(node, "CacheBehaviors[]"))).toList();
        Behaviour fallback = behaviour.apply(Nodes.asMap(config.get("DefaultCacheBehavior"), "DefaultCacheBehavior"));
        Map<Integer, ErrorResponse> errors = new LinkedHashMap<>();
        for (Object node : list(config.get("CustomErrorResponses"))) {
            Map<String, Object> error = Nodes.asMap(node, "CustomErrorResponses[]");
            if (error.containsKey("ResponsePagePath")) {
                int code = number(error.get("ErrorCode"));
                errors.put(code, new ErrorResponse(error.containsKey("ResponseCode") ? number(error.get("ResponseCode")) : code,
                        String.valueOf(error.get("ResponsePagePath"))));
            }
        }
        Optional<String> root = Optional.ofNullable(config.get("DefaultRootObject")).map(String::valueOf).filter(s -> !s.isEmpty());
        return new Distribution(behaviours, fallback, errors, root);
    }

    /** The first behaviour whose pattern matches the path, else the default one. */
    Behaviour behaviourFor(String path) {
        return behaviours.stream().filter(b -> b.path().matcher(path).matches()).findFirst().orElse(defaultBehaviour);
    }

    List<Behaviour> allBehaviours() {
        List<Behaviour> all = new ArrayList<>(behaviours);
        all.add(defaultBehaviour);
        return all;
    }

    Optional<ErrorResponse> errorResponse(int status) {
        return Optional.ofNullable(errorResponses.get(status));
    }

    Optional<String> defaultRootObject() {
        return defaultRootObject;
    }

    private static Origin origin(StackTemplate template, Map<String, Object> node) {
        String id = String.valueOf(node.get("Id"));
        String target = referencedLogicalId(node.get("DomainName"))
                .orElseThrow(() -> new IllegalArgumentException("origin " + id + " does not refer to a resource of the template"));
        Resource resource = template.requireResource(target);
        if (node.containsKey("S3OriginConfig") && resource.type().equals("AWS::S3::Bucket")) {
            return new Origin(id, Optional.of(target), Optional.empty(), false);
        }
        if (resource.type().equals("AWS::Lambda::Url")) {
            String function = resource.property("TargetFunctionArn").flatMap(Distribution::referencedLogicalId)
                    .orElseThrow(() -> new IllegalArgumentException(target + " names no function of the template"));
            boolean signed = referencedLogicalId(node.get("OriginAccessControlId")).map(template::requireResource)
                    .map(control -> "lambda".equals(control.property("OriginAccessControlConfig.OriginAccessControlOriginType").orElse(null))
                            && !"never".equals(control.property("OriginAccessControlConfig.SigningBehavior").orElse(null)))
                    .orElse(false);
            return new Origin(id, Optional.empty(), Optional.of(function), signed);
        }
        throw new IllegalArgumentException("origin " + id + " is neither a bucket nor a function URL of the template");
    }

    private static Behaviour behaviour(StackTemplate template, Map<String, Origin> origins, Map<String, Object> node) {
        String pattern = node.containsKey("PathPattern") ? String.valueOf(node.get("PathPattern")) : "*";
        Origin origin = Optional.ofNullable(origins.get(String.valueOf(node.get("TargetOriginId"))))
                .orElseThrow(() -> new IllegalArgumentException("behaviour " + pattern + " targets an unknown origin"));
        Set<String> methods = node.containsKey("AllowedMethods")
                ? list(node.get("AllowedMethods")).stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet())
                : Set.of("GET", "HEAD");
        List<String> keyResources = new ArrayList<>();
        for (Object group : list(node.get("TrustedKeyGroups"))) {
            Resource keyGroup = template.requireResource(referencedLogicalId(group)
                    .orElseThrow(() -> new IllegalArgumentException("a trusted key group of " + pattern + " is not a template resource")));
            keyGroup.property("KeyGroupConfig.Items").map(Distribution::list).orElse(List.of()).forEach(item -> keyResources.add(
                    referencedLogicalId(item).orElseThrow(() -> new IllegalArgumentException("key group item is not a template resource"))));
        }
        List<String> hostHeaders = new ArrayList<>();
        for (Object association : list(node.get("FunctionAssociations"))) {
            Map<String, Object> map = Nodes.asMap(association, "FunctionAssociations[]");
            if ("viewer-request".equals(map.get("EventType"))) {
                hostHeaders.add(hostCopyHeader(template, referencedLogicalId(map.get("FunctionARN")).orElseThrow(
                        () -> new IllegalArgumentException("a function association of " + pattern + " is not a template resource"))));
            }
        }
        OriginRequestPolicy originRequest = referencedLogicalId(node.get("OriginRequestPolicyId"))
                .map(id -> originRequestPolicy(template.requireResource(id))).orElse(OriginRequestPolicy.NOTHING);
        Map<String, String> responseHeaders = referencedLogicalId(node.get("ResponseHeadersPolicyId"))
                .map(id -> securityHeaders(template.requireResource(id))).orElse(Map.of());
        return new Behaviour(pattern, Wildcards.pathPattern(pattern), origin, methods, List.copyOf(keyResources),
                List.copyOf(hostHeaders), originRequest, responseHeaders);
    }

    private static String hostCopyHeader(StackTemplate template, String functionLogicalId) {
        String code = template.requireResource(functionLogicalId).property("FunctionCode").map(String::valueOf).orElse("");
        Matcher matcher = HOST_COPY.matcher(code);
        if (!matcher.find()) {
            throw new IllegalArgumentException("the gateway cannot run CloudFront Function " + functionLogicalId
                    + ": it only copies the Host header into another header");
        }
        return matcher.group(1).toLowerCase(Locale.ROOT);
    }

    private static OriginRequestPolicy originRequestPolicy(Resource policy) {
        Set<String> headers = "whitelist".equals(policy.property("OriginRequestPolicyConfig.HeadersConfig.HeaderBehavior").orElse(null))
                ? policy.property("OriginRequestPolicyConfig.HeadersConfig.Headers").map(Distribution::list).orElse(List.of()).stream()
                        .map(h -> String.valueOf(h).toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet())
                : Set.of();
        boolean queries = "all".equals(policy.property("OriginRequestPolicyConfig.QueryStringsConfig.QueryStringBehavior").orElse(null));
        Object cookieBehavior = policy.property("OriginRequestPolicyConfig.CookiesConfig.CookieBehavior").orElse(null);
        Set<String> cookies = "whitelist".equals(cookieBehavior)
                ? policy.property("OriginRequestPolicyConfig.CookiesConfig.Cookies").map(Distribution::list).orElse(List.of())
                        .stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet())
                : Set.of();
        return new OriginRequestPolicy(headers, queries, "all".equals(cookieBehavior), cookies);
    }

    /** The security headers of a response headers policy, as CloudFront writes them. */
    private static Map<String, String> securityHeaders(Resource policy) {
        Map<String, String> headers = new LinkedHashMap<>();
        String base = "ResponseHeadersPolicyConfig.SecurityHeadersConfig.";
        policy.property(base + "StrictTransportSecurity").map(node -> Nodes.asMap(node, "StrictTransportSecurity")).ifPresent(hsts ->
                headers.put("Strict-Transport-Security", "max-age=" + hsts.get("AccessControlMaxAgeSec")
                        + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains")) ? "; includeSubDomains" : "")
                        + (Boolean.TRUE.equals(hsts.get("Preload")) ? "; preload" : "")));
        policy.property(base + "ContentSecurityPolicy.ContentSecurityPolicy")
                .ifPresent(csp -> headers.put("Content-Security-Policy", String.valueOf(csp)));
        policy.property(base + "FrameOptions.FrameOption").ifPresent(option -> headers.put("X-Frame-Options", String.valueOf(option)));
        policy.property(base + "ContentTypeOptions").ifPresent(options -> headers.put("X-Content-Type-Options", "nosniff"));
        policy.property(base + "ReferrerPolicy.ReferrerPolicy").ifPresent(referrer -> headers.put("Referrer-Policy", String.valueOf(referrer)));
        return Map.copyOf(headers);
    }

    /** The resource a {@code Ref} or {@code Fn::GetAtt} names, searched through other functions around it. */
    static Optional<String> referencedLogicalId(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("Ref") instanceof String ref && !ref.startsWith("AWS::")) {
                return Optional.of(ref);
            }
            Object getAtt = map.get("Fn::GetAtt");
            if (getAtt instanceof List<?> parts && !parts.isEmpty()) {
                return Optional.of(String.valueOf(parts.get(0)));
            }
            if (getAtt instanceof String dotted) {
                return Optional.of(dotted.substring(0, dotted.indexOf('.') < 0 ? dotted.length() : dotted.indexOf('.')));
            }
            return map.values().stream().map(Distribution::referencedLogicalId).flatMap(Optional::stream).findFirst();
        }
        if (node instanceof List<?> items) {
            return items.stream().map(Distribution::referencedLogicalId).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }

    private static List<Object> list(Object node) {
        return node == null ? List.of() : Nodes.asList(node, "list");
    }

    private static int number(Object node) {
        return node instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(node));
    }
}
