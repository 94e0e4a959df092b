package family.gallery.login;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

/**
 * The viewer's address, the key of per-address throttling. Behind CloudFront the request's source is
 * CloudFront itself, so the address comes from the {@code CloudFront-Viewer-Address} header
 * ({@code ip:port}), which only CloudFront can set because the function URL admits nobody else.
 * IPv6 viewers are counted per /64, the block a single home or phone is given.
 */
public final class ClientAddress {

    static final String VIEWER_ADDRESS_HEADER = "cloudfront-viewer-address";

    private ClientAddress() {
    }

    public static String throttleKey(Map<String, String> headers, String sourceIp) {
        String viewer = headers == null ? null : headers.get(VIEWER_ADDRESS_HEADER);
        String ip = viewer != null && viewer.lastIndexOf(':') > 0 ? viewer.substring(0, viewer.lastIndexOf(':')) : sourceIp;
        return parse(ip).map(ClientAddress::block).orElse("unknown");
    }

    /**
     * The network of a throttle key for the record: an IPv6 /64 as it is, an IPv4 address as its /24,
     * so the log says where guesses come from without naming one household's address.
     */
    public static String network(String throttleKey) {
        String[] octets = throttleKey.split("\\.");
        return octets.length == 4 ? octets[0] + "." + octets[1] + "." + octets[2] + ".0/24" : throttleKey;
    }

    private static Optional<InetAddress> parse(String ip) {
        // Only literal addresses: InetAddress would otherwise look names up in DNS.
        if (ip == null || ip.isEmpty() || !ip.matches("[0-9A-Fa-f:.\\[\\]]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(ip.replace("[", "").replace("]", "")));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static String block(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }
}
