package family.gallery.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Guest links: whoever holds one sees one album (and its sub-albums open to the same viewers) without
 * an account, until it expires or is revoked. One item per link in the accounts table,
 * {@code pk = SHARE#<id>}: the album, the SHA-256 of the link's secret (the secret itself is shown
 * once and never stored), expiry, whether downloads are allowed, last use, and whether the last site
 * build published the album. The token in the link is {@code <id>.<secret>}: the id names the item and
 * the site prefix ({@link SiteAccess#sharePrefix}), the 256-bit secret proves the holder got the link.
 * Items stay 30 days past their expiry (DynamoDB TTL), so an expired link is told apart from a forged one.
 */
public final class ShareLinks {

    public static final String PREFIX = "SHARE#";
    public static final Duration LONGEST = Duration.ofDays(365);
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(30);
    private static final Pattern ID = Pattern.compile("[a-z2-7]{12}");
    private static final Pattern TOKEN = Pattern.compile("([a-z2-7]{12})\\.([A-Za-z0-9_-]{43})");
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String ALBUM = "album";
    private static final String SECRET_HASH = "secretSha256";
    private static final String CREATED = "createdAt";
    private static final String EXPIRES = "expires";
    private static final String TTL = "expiresAt";
    private static final String DOWNLOAD = "allowDownload";
    private static final String LAST_USED = "lastUsedAt";
    private static final String PUBLISHED = "published";

    /**
     * @param published whether the last site build published the album (false: it is gone or hidden);
     *                  empty before the first build after the link was made
     */
    public record Share(String id, String album, Instant createdAt, Instant expires, boolean allowDownload,
            Optional<Instant> lastUsed, Optional<Boolean> published) {

        public boolean expiredAt(Instant now) {
            return !now.isBefore(expires);
        }
    }

    /** A link just made: the token is shown once, only its hash is kept. */
    public record NewShare(Share share, String token) {
    }

    /** What a token opens. */
    public sealed interface Opened {
    }

    public record Valid(Share share) implements Opened {
    }

    public record Expired(Share share) implements Opened {
    }

    /** Malformed, forged, revoked or long expired: deliberately one answer. */
    public record Unknown() implements Opened {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ShareLinks(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * @param album album path as uploaded, with or without {@code albums/} and a trailing slash
     */
    public NewShare create(String album, Duration lifetime, boolean allowDownload) {
        String path = albumPath(album);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST) > 0) {
            throw new AccountException.InvalidShare("A guest link lasts from 1 to " + LONGEST.toDays() + " days, not "
                    + (lifetime.toSeconds() % 86_400 == 0 ? Long.toString(lifetime.toDays()) : lifetime.toString()) + ".");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        String id = randomId();
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ViewerAccounts.KEY, s(PREFIX + id));
        item.put(ALBUM, s(path));
        item.put(SECRET_HASH, s(SiteAccess.sha256Hex(secret)));
        item.put(CREATED, s(now.toString()));
        item.put(EXPIRES, s(expires.toString()));
        item.put(TTL, AttributeValue.fromN(Long.toString(expires.plus(KEPT_AFTER_EXPIRY).getEpochSecond())));
        item.put(DOWNLOAD, AttributeValue.fromBool(allowDownload));
        dynamo.putItem(put -> put.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", ViewerAccounts.KEY)));
        return new NewShare(new Share(id, path, now, expires, allowDownload, Optional.empty(), Optional.empty()),
                id + "." + secret);
    }

    /** Every link, expired ones too (until DynamoDB removes them), soonest expiry first. */
    public List<Share> list() {
        return dynamo.scanPaginator(scan -> scan.tableName(table).consistentRead(true)
                        .filterExpression("begins_with(#pk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", ViewerAccounts.KEY))
                        .expressionAttributeValues(Map.of(":prefix", s(PREFIX))))
                .items().stream().map(ShareLinks::share)
                .sorted(Comparator.comparing(Share::expires).thenComparing(Share::id)).toList();
    }

    /** Revokes the link at once: it opens nothing from its next use (cookies already given out last at most an hour). */
    public void revoke(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new AccountException.UnknownShare(id);
        }
        try {
            dynamo.deleteItem(delete -> delete.tableName(table).key(key(id))
                    .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(Map.of("#pk", ViewerAccounts.KEY)));
        } catch (ConditionalCheckFailedException missing) {
            throw new AccountException.UnknownShare(id);
        }
    }

    /** What the token opens; the secret is compared in constant time with the stored hash. */
    public Opened open(String token) {
        var match = token == null ? null : TOKEN.matcher(token);
        if (match == null || !match.matches()) {
            return new Unknown();
        }
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(key(match.group(1))).consistentRead(true)).item();
        if (item == null || item.isEmpty() || !item.containsKey(SECRET_HASH)) {
            return new Unknown();
        }
        byte[] expected = item.get(SECRET_HASH).s().getBytes(StandardCharsets.US_ASCII);
        byte[] actual = SiteAccess.sha256Hex(match.group(2)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            return new Unknown();
        }
        Share share = share(item);
        return share.expiredAt(clock.instant()) ? new Expired(share) : new Valid(share);
    }

    /** The link by its id, for a guest's session (which proved the secret when it began). */
    public Optional<Share> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(share(item));
    }

    /** Notes that the link was used now, for {@code shares}; a revoked link is not brought back. */
    public void recordUse(String id) {
        update(id, LAST_USED, s(clock.instant().toString()));
    }

    /** Notes whether the site build published the link's album. */
    public void markPublished(String id, boolean published) {
        update(id, PUBLISHED, AttributeValue.fromBool(published));
    }

    private void update(String id, String attribute, AttributeValue value) {
        try {
            dynamo.updateItem(update -> update.tableName(table).key(key(id))
                    .updateExpression("SET #attribute = :value").conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", ViewerAccounts.KEY, "#attribute", attribute))
                    .expressionAttributeValues(Map.of(":value", value)));
        } catch (ConditionalCheckFailedException revoked) {
            // Revoked meanwhile: nothing to note.
        }
    }

    /** {@code Summer 2026/beach} from {@code albums/Summer 2026/beach/}, refusing what cannot be an album. */
    static String albumPath(String album) {
        String path = album == null ? "" : album.strip();
        if (path.startsWith("albums/")) {
            path = path.substring("albums/".length());
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty() || path.startsWith("/") || path.contains("//") || path.length() > 900
                || List.of(path.split("/")).stream().anyMatch(segment -> segment.equals(".") || segment.equals(".."))) {
            throw new AccountException.InvalidShare("Not an album path: \"" + album
                    + "\". Name the album's folder under albums/, e.g. \"2026 summer\" or \"2026 summer/beach\".");
        }
        return path;
    }

    private String randomId() {
        StringBuilder id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        return id.toString();
    }

    private static Share share(Map<String, AttributeValue> item) {
        return new Share(item.get(ViewerAccounts.KEY).s().substring(PREFIX.length()), item.get(ALBUM).s(),
                Instant.parse(item.get(CREATED).s()), Instant.parse(item.get(EXPIRES).s()),
                Boolean.TRUE.equals(item.getOrDefault(DOWNLOAD, AttributeValue.fromBool(false)).bool()),
                Optional.ofNullable(item.get(LAST_USED)).map(value -> Instant.parse(value.s())),
                Optional.ofNullable(item.get(PUBLISHED)).map(AttributeValue::bool));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(ViewerAccounts.KEY, s(PREFIX + id));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
