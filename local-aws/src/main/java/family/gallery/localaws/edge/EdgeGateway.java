package family.gallery.localaws.edge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import family.gallery.localaws.LocalAwsException;
import family.gallery.locallambda.LoopbackHost;
import family.gallery.template.StackTemplate;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A CloudFront-like gateway on 127.0.0.1 for the distribution of {@code template.yaml}: routes by its
 * cache behaviours (first matching path pattern, the default last), checks the signed cookies of
 * behaviours with trusted key groups, reads S3 origins from the local S3 and calls function URL
 * origins with function URL events, with the template's viewer-request function, origin request
 * policy, response headers policy and custom error responses applied.
 *
 * <p>It stands in for the distribution's HTTPS address (every behaviour redirects HTTP to HTTPS), so
 * the URL a signed policy must cover is {@code https://<Host header><path>}; TLS itself is not
 * emulated.
 */
public final class EdgeGateway implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EdgeGateway.class.getName());
    static final String VIEWER_ADDRESS_HEADER = "cloudfront-viewer-address";

    /**
     * @param bucketNames the physical bucket name of a template bucket, by logical id
     * @param trustedKeys the public keys that key group items refer to; read at each request
     */
    public record Config(StackTemplate template, int port, S3Client s3, UnaryOperator<String> bucketNames,
            TrustedKeys trustedKeys, Clock clock) {
    }

    private final Distribution distribution;
    private final Config config;
    private final Map<String, FunctionUrlOrigin> functionUrls = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService workers;

    private EdgeGateway(Distribution distribution, Config config, HttpServer server, ExecutorService workers) {
        this.distribution = distribution;
        this.config = config;
        this.server = server;
        this.workers = workers;
    }

    public static EdgeGateway start(Config config) {
        Distribution distribution = Distribution.read(config.template());
        distribution.allBehaviours().forEach(behaviour -> behaviour.origin().bucketLogicalId().ifPresent(config.bucketNames()::apply));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", config.port()), 64);
        } catch (IOException e) {
            throw new LocalAwsException("the site cannot listen on 127.0.0.1:" + config.port() + ": " + e.getMessage(), e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "edge-gateway");
            thread.setDaemon(true);
            return thread;
        });
        EdgeGateway gateway = new EdgeGateway(distribution, config, server, workers);
        LoopbackHost.guard(server.createContext("/", gateway::handle));
        server.setExecutor(workers);
        server.start();
        return gateway;
    }

    /** Connects the function behind a function URL origin, by the function's logical id in the template. */
    public EdgeGateway connect(String functionLogicalId, FunctionUrlOrigin origin) {
        functionUrls.put(functionLogicalId, origin);
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            EdgeResponse response;
            try {
                response = answer(ViewerRequest.of(exchange, config.clock()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the edge gateway failed on " + exchange.getRequestURI(), e);
                response = EdgeResponse.of(502, "text/plain; charset=utf-8", "Bad gateway.");
            }
            send(exchange, response);
        }
    }

    EdgeResponse answer(ViewerRequest request) {
        if (request.host().isEmpty()) {
            return EdgeResponse.of(400, "text/plain; charset=utf-8", "A Host header is required.");
        }
        Distribution.Behaviour behaviour = distribution.behaviourFor(request.rawPath());
        EdgeResponse response;
        if (!behaviour.allowedMethods().contains(request.method())) {
            response = error(403);
        } else if (behaviour.signed() && refusal(behaviour, request).isPresent()) {
            response = error(403);
        } else {
            response = fetch(behaviour, request.withHostHeaders(behaviour.viewerRequestHeadersFromHost()));
            response = distribution.errorResponse(response.status()).isPresent() ? error(response.status()) : response;
        }
        return response.withHeaders(behaviour.responseHeaders());
    }

    private Optional<String> refusal(Distribution.Behaviour behaviour, ViewerRequest request) {
        Map<String, TrustedKeys.Key> trusted = new LinkedHashMap<>();
        behaviour.trustedKeyResources().forEach(resource -> config.trustedKeys().forResource(resource)
                .ifPresent(key -> trusted.put(key.keyPairId(), key)));
        String url = "https://" + request.host() + request.rawPath() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        Optional<String> refusal = SignedCookieVerifier.refusal(request.cookies(), trusted, url, request.clientIp(), config.clock().instant());
        refusal.ifPresent(reason -> LOG.fine(() -> "403 for " + url + ": " + reason));
        return refusal;
    }

    /** The error as the distribution answers it: its custom error page fetched from the origin, or a bare status. */
    private EdgeResponse error(int status) {
        return distribution.errorResponse(status).map(custom -> {
            ViewerRequest page = ViewerRequest.internal(custom.pagePath(), config.clock());
            EdgeResponse fetched = fetch(distribution.behaviourFor(custom.pagePath()), page);
            return fetched.status() == 200 ? fetched.withStatus(custom.responseCode())
                    : EdgeResponse.of(status, "text/plain; charset=utf-8", "Forbidden.");
        }).orElseGet(() -> EdgeResponse.of(status, "text/plain; charset=utf-8", status == 403 ? "Forbidden." : "Error."));
    }

    private EdgeResponse fetch(Distribution.Behaviour behaviour, ViewerRequest request) {
        Distribution.Origin origin = behaviour.origin();
        if (origin.bucketLogicalId().isPresent()) {
            return s3Object(config.bucketNames().apply(origin.bucketLogicalId().get()), request);
        }
        String function = origin.functionLogicalId().orElseThrow();
        FunctionUrlOrigin target = functionUrls.get(function);
        if (target == null) {
            return EdgeResponse.of(502, "text/plain; charset=utf-8", "No function is connected for " + function + ".");
        }
        if (origin.signedPayload() && request.body().length > 0 && !request.declaresBodyHash()) {
            // Lambda checks CloudFront's SigV4 signature, which covers the body only through this header.
            return EdgeResponse.of(403, "application/json", "{\"Message\":\"Forbidden\"}");
        }
        String host = function.toLowerCase(Locale.ROOT) + ".lambda-url.local";
        return FunctionUrlEvents.response(target.invoke(FunctionUrlEvents.event(request.toOrigin(behaviour.originRequest(), host), host)));
    }

    private EdgeResponse s3Object(String bucket, ViewerRequest request) {
        String key = request.rawPath().equals("/") ? distribution.defaultRootObject().orElse("") : S3Paths.key(request.rawPath());
        if (key.isEmpty()) {
            return EdgeResponse.of(403, "application/xml", "<Error><Code>AccessDenied</Code></Error>");
        }
        // A byte range goes on to S3, as CloudFront sends it: video players (Safari's above all) seek with them.
        String range = request.headers().getOrDefault("range", List.of()).stream().findFirst().orElse(null);
        try (ResponseInputStream<GetObjectResponse> object = config.s3().getObject(get -> get.bucket(bucket).key(key).range(range))) {
            GetObjectResponse meta = object.response();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            put(headers, "Content-Type", meta.contentType());
            put(headers, "Accept-Ranges", "bytes");
            put(headers, "Content-Range", meta.contentRange());
            put(headers, "Cache-Control", meta.cacheControl());
            put(headers, "Content-Disposition", meta.contentDisposition());
            put(headers, "ETag", meta.eTag());
            put(headers, "Last-Modified", meta.lastModified() == null ? null
                    : java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(meta.lastModified().atZone(java.time.ZoneOffset.UTC)));
            return new EdgeResponse(meta.contentRange() == null ? 200 : 206, headers,
                    request.method().equals("HEAD") ? new byte[0] : object.readAllBytes());
        } catch (NoSuchKeyException e) {
            // The bucket policy grants the distribution s3:GetObject only, so S3 hides a missing key behind 403.
            return EdgeResponse.of(403, "application/xml", "<Error><Code>AccessDenied</Code></Error>");
        } catch (S3Exception e) {
            return EdgeResponse.of(e.statusCode() >= 500 ? 502 : e.statusCode(), "application/xml", "<Error/>");
        } catch (IOException e) {
            return EdgeResponse.of(502, "text/plain; charset=utf-8", "Bad gateway.");
        }
    }

    private static void put(Map<String, List<String>> headers, String name, String value) {
        if (value != null) {
            headers.put(name, new ArrayList<>(List.of(value)));
        }
    }

    private static void send(HttpExchange exchange, EdgeResponse response) throws IOException {
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean bodiless = exchange.getRequestMethod().equals("HEAD") || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), bodiless || response.body().length == 0 ? -1 : response.body().length);
        if (!bodiless && response.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
