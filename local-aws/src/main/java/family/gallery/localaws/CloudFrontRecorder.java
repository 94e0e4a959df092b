package family.gallery.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import family.gallery.locallambda.LoopbackHost;

/**
 * The CloudFront API as far as the functions use it: {@code CreateInvalidation} and
 * {@code GetInvalidation} are answered as CloudFront answers them, and every invalidation is
 * recorded so that tests can see which paths a build invalidated.
 */
public final class CloudFrontRecorder implements AutoCloseable {

    /** One CreateInvalidation call. */
    public record Invalidation(String distributionId, String id, String callerReference, List<String> paths,
            Instant createTime) {
    }

    private static final String API = "/2020-05-31/distribution/";
    private static final String NAMESPACE = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private static final Pattern CREATE = Pattern.compile(Pattern.quote(API) + "([^/]+)/invalidation/?");
    private static final Pattern GET = Pattern.compile(Pattern.quote(API) + "([^/]+)/invalidation/([^/]+)");

    private final HttpServer server;
    private final List<Invalidation> invalidations = new CopyOnWriteArrayList<>();
    private final AtomicLong counter = new AtomicLong();

    private CloudFrontRecorder(HttpServer server) {
        this.server = server;
    }

    static CloudFrontRecorder start(int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(Ports.HOST, port), 0);
        } catch (IOException e) {
            throw Ports.busy("CloudFront", port, e);
        }
        CloudFrontRecorder recorder = new CloudFrontRecorder(server);
        LoopbackHost.guard(server.createContext("/", recorder::handle));
        server.start();
        return recorder;
    }

    public List<Invalidation> invalidations() {
        return List.copyOf(invalidations);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher create = CREATE.matcher(path);
            Matcher get = GET.matcher(path);
            if (exchange.getRequestMethod().equals("POST") && create.matches()) {
                Invalidation invalidation = record(create.group(1), exchange.getRequestBody());
                exchange.getResponseHeaders().add("Location",
                        "https://cloudfront.amazonaws.com" + API + invalidation.distributionId() + "/invalidation/" + invalidation.id());
                respond(exchange, 201, invalidationXml(invalidation, "InProgress"));
            } else if (exchange.getRequestMethod().equals("GET") && get.matches()) {
                Invalidation found = invalidations.stream()
                        .filter(i -> i.distributionId().equals(get.group(1)) && i.id().equals(get.group(2))).findFirst().orElse(null);
                if (found == null) {
                    respond(exchange, 404, error("NoSuchInvalidation", "The specified invalidation does not exist."));
                } else {
                    respond(exchange, 200, invalidationXml(found, "Completed"));
                }
            } else {
                respond(exchange, 501, error("NotImplemented", exchange.getRequestMethod() + " " + path + " is not served locally"));
            }
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, error("MalformedInput", e.getMessage()));
        }
    }

    private Invalidation record(String distributionId, InputStream body) {
        Element batch = parse(body).getDocumentElement();
        if (!batch.getLocalName().equals("InvalidationBatch")) {
            throw new IllegalArgumentException("expected an InvalidationBatch, got " + batch.getLocalName());
        }
        List<String> paths = new ArrayList<>();
        NodeList pathNodes = batch.getElementsByTagNameNS("*", "Path");
        for (int i = 0; i < pathNodes.getLength(); i++) {
            paths.add(pathNodes.item(i).getTextContent());
        }
        NodeList reference = batch.getElementsByTagNameNS("*", "CallerReference");
        Invalidation invalidation = new Invalidation(distributionId, "I" + String.format("%013d", counter.incrementAndGet()),
                reference.getLength() == 0 ? "" : reference.item(0).getTextContent(), List.copyOf(paths), Instant.now());
        invalidations.add(invalidation);
        return invalidation;
    }

    private static Document parse(InputStream body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(body);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("the request body is not XML: " + e.getMessage(), e);
        }
    }

    private static String invalidationXml(Invalidation invalidation, String status) {
        StringBuilder paths = new StringBuilder();
        invalidation.paths().forEach(path -> paths.append("<Path>").append(escape(path)).append("</Path>"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invalidation xmlns=\"" + NAMESPACE + "\">"
                + "<Id>" + invalidation.id() + "</Id><Status>" + status + "</Status>"
                + "<CreateTime>" + invalidation.createTime() + "</CreateTime>"
                + "<InvalidationBatch><Paths><Quantity>" + invalidation.paths().size() + "</Quantity>"
                + "<Items>" + paths + "</Items></Paths>"
                + "<CallerReference>" + escape(invalidation.callerReference()) + "</CallerReference></InvalidationBatch>"
                + "</Invalidation>";
    }

    private static String error(String code, String message) {
        return "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>local</RequestId></ErrorResponse>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amz-request-id", Long.toHexString(System.nanoTime()));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
