package family.gallery.localaws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1: a free one when 0 is asked for, a clear error when the one asked for is taken. */
final class Ports {

    static final String HOST = "127.0.0.1";

    private Ports() {
    }

    static int reserve(String service, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw busy(service, port, e);
        }
    }

    static PortInUseException busy(String service, int port, Exception cause) {
        return new PortInUseException(port, "cannot listen on " + HOST + ":" + port + " for " + service
                + ": the port is already in use (choose another with --" + service.toLowerCase(java.util.Locale.ROOT)
                + "-port=N, or 0 for any free port)", cause);
    }

    /** The port a service was to listen on is taken. */
    static final class PortInUseException extends LocalAwsException {

        private final int port;

        PortInUseException(int port, String message, Throwable cause) {
            super(message, cause);
            this.port = port;
        }

        int port() {
            return port;
        }
    }
}
