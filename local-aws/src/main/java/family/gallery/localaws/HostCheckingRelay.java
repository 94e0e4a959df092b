package family.gallery.localaws;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import family.gallery.locallambda.LoopbackHost;

/**
 * The public port of an emulator that offers no hook to look at requests (ElasticMQ): it
 * reads the head of each connection's first request, refuses it unless its {@code Host} is a
 * loopback name (see {@link LoopbackHost}), and otherwise relays the connection, bytes unchanged, to
 * the emulator listening on a private port. Looking at the first request is enough: a browser keeps
 * separate connections per origin, so a rebound page never shares a connection with a loopback one.
 */
final class HostCheckingRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HostCheckingRelay.class.getName());
    /** Far more than any request head an SDK or browser sends; a longer one is refused. */
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int DRAIN_TIMEOUT_MILLIS = 10_000;

    private final ServerSocket listener;
    private final int backendPort;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private HostCheckingRelay(ServerSocket listener, int backendPort, String service) {
        this.listener = listener;
        this.backendPort = backendPort;
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, service.toLowerCase(Locale.ROOT) + "-relay-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Listens on 127.0.0.1:{@code port} and relays accepted connections to 127.0.0.1:{@code backendPort}. */
    static HostCheckingRelay start(String service, int port, int backendPort) {
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getByName(Ports.HOST), port), 128);
        } catch (IOException e) {
            throw Ports.busy(service, port, e);
        }
        HostCheckingRelay relay = new HostCheckingRelay(listener, backendPort, service);
        relay.connections.execute(relay::accept);
        return relay;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.log(Level.WARNING, "accepting a connection failed", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket backend = null;
        try {
            client.setTcpNoDelay(true);
            // Buffered: what is read past the head stays in the buffer and is relayed from there.
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            byte[] head = readHead(fromClient);
            if (head == null || !LoopbackHost.accepts(hostOf(head))) {
                refuse(client.getOutputStream());
                close(client);
                return;
            }
            backend = new Socket(InetAddress.getByName(Ports.HOST), backendPort);
            backend.setTcpNoDelay(true);
            open.add(backend);
            backend.getOutputStream().write(head);
            Socket server = backend;
            AtomicInteger running = new AtomicInteger(2);
            Runnable finished = () -> {
                if (running.decrementAndGet() == 0) {
                    close(client);
                    close(server);
                }
            };
            connections.execute(() -> {
                pump(readable(server), server, client);
                finished.run();
            });
            pump(fromClient, client, backend);
            finished.run();
        } catch (IOException e) {
            // The peer went away before the relay began; nothing to answer.
            close(client);
            if (backend != null) {
                close(backend);
            }
        }
    }

    private static InputStream readable(Socket socket) {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    /**
     * Copies until the source ends, then passes the end on, so that a request whose sender closed
     * its side still gets its answer. When the destination fails, what the source still sends is
     * read and dropped until it ends: closing a socket with unread data resets the connection, and
     * the reset can destroy an answer the peer has not read yet.
     */
    private static void pump(InputStream in, Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        boolean delivering = true;
        try {
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (delivering) {
                    try {
                        out.write(buffer, 0, read);
                    } catch (IOException e) {
                        delivering = false;
                        from.setSoTimeout(DRAIN_TIMEOUT_MILLIS);
                    }
                }
            }
        } catch (IOException e) {
            // The source failed or went quiet while being drained: nothing more to pass on.
        }
        try {
            to.shutdownOutput();
        } catch (IOException e) {
            // already closed
        }
    }

    /** The bytes up to and including the blank line that ends the first request's head; null if none within the limit. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        int matched = 0;
        while (head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toByteArray();
            }
        }
        return null;
    }

    /** The value of the head's Host header, or null when it has none. */
    static String hostOf(byte[] head) {
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase("host")) {
                return lines[i].substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static void refuse(OutputStream out) throws IOException {
        byte[] body = (LoopbackHost.REFUSAL + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + LoopbackHost.MISDIRECTED + " Misdirected Request\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(this::close);
        connections.shutdownNow();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
