package family.gallery.login;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import family.gallery.accounts.ThrottleKeys;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Throttles password guessing per account and per client address. Every attempt is counted before
 * its password is checked, in one transaction for both counters, so parallel guesses cannot slip
 * past the limit; a successful login takes its attempt back. A counter that reaches its limit
 * locks until {@code lockout} after its last counted attempt, and a locked attempt is answered
 * without checking any password. A browser that signed in before as the account (a known device)
 * counts on its own counter instead of the account's, so guesses from anywhere else cannot lock
 * the family out. Counters live in the accounts table as {@code THROTTLE#...} items
 * that DynamoDB's TTL removes ({@code expiresAt}); since TTL deletes late, expiry is also checked here.
 */
public final class LoginThrottle {

    public record Limits(int accountAttempts, int addressAttempts, Duration lockout) {
        /** Five wrong passwords lock an account; a household behind one address gets more room. */
        public static Limits standard() {
            return new Limits(5, 20, Duration.ofMinutes(15));
        }
    }

    public sealed interface Admission {
    }

    /**
     * The attempt is counted; pass the ticket to {@link #succeeded} if the password (or link) was right.
     *
     * @param accountKey null when only the address was counted
     */
    public record Admitted(String accountKey, String addressKey) implements Admission {
    }

    public record Locked(Duration retryAfter) implements Admission {
    }

    private static final String KEY = "pk";
    private static final String ATTEMPTS = "attempts";
    private static final String EXPIRES = "expiresAt";
    private static final int WRITE_TRIES = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Limits limits;
    private final Clock clock;

    public LoginThrottle(DynamoDbClient dynamo, String table, Limits limits, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @param device a known device (a browser that signed in as this account before): its own
     *               counter replaces the account's, so guesses from elsewhere cannot lock it out
     */
    public Admission admit(String account, String address, Optional<String> device) {
        String accountKey = device.map(ThrottleKeys::device).orElseGet(() -> ThrottleKeys.account(account));
        return admit(accountKey, limits.accountAttempts(), ThrottleKeys.address(address));
    }

    /** An attempt counted on the client address alone: a guest link has no account to lock. */
    public Admission admitAddress(String address) {
        return admit(null, 0, ThrottleKeys.address(address));
    }

    /** @param accountKey the account's (or device's) counter, or null for the address alone */
    private Admission admit(String accountKey, int accountLimit, String addressKey) {
        List<String> keys = accountKey == null ? List.of(addressKey) : List.of(accountKey, addressKey);
        for (int tries = 0; tries < WRITE_TRIES; tries++) {
            long now = clock.instant().getEpochSecond();
            Map<String, Map<String, AttributeValue>> stored = read(keys.toArray(String[]::new));
            Counter addressCounter = Counter.of(stored.get(addressKey), now);
            Counter accountCounter = accountKey == null ? new Counter(0, 0) : Counter.of(stored.get(accountKey), now);
            long lockedFor = Math.max(accountKey == null ? 0 : accountCounter.lockedFor(accountLimit, now),
                    addressCounter.lockedFor(limits.addressAttempts(), now));
            if (lockedFor > 0) {
                return new Locked(Duration.ofSeconds(lockedFor));
            }
            long expiresAt = now + limits.lockout().toSeconds();
            List<TransactWriteItem> counts = new ArrayList<>();
            if (accountKey != null) {
                counts.add(count(accountKey, stored.get(accountKey), accountCounter.attempts() + 1, expiresAt));
            }
            counts.add(count(addressKey, stored.get(addressKey), addressCounter.attempts() + 1, expiresAt));
            try {
                dynamo.transactWriteItems(write -> write.transactItems(counts));
                return new Admitted(accountKey, addressKey);
            } catch (TransactionCanceledException raced) {
                if (!raced.cancellationReasons().stream().map(CancellationReason::code)
                        .allMatch(code -> code == null || code.equals("None") || code.equals("ConditionalCheckFailed") || code.equals("TransactionConflict"))) {
                    throw raced;
                }
            }
        }
        // Other attempts on the same counters keep winning: that is a burst of guesses, so wait.
        return new Locked(Duration.ofSeconds(1));
    }

    /** The password was right: the account starts afresh, the address gets its attempt back. */
    public void succeeded(Admitted admitted) {
        if (admitted.accountKey() != null) {
            dynamo.deleteItem(delete -> delete.tableName(table).key(key(admitted.accountKey())));
        }
        try {
            dynamo.updateItem(update -> update.tableName(table).key(key(admitted.addressKey()))
                    .updateExpression("ADD #attempts :minusOne")
                    .conditionExpression("#attempts > :zero")
                    .expressionAttributeNames(Map.of("#attempts", ATTEMPTS))
                    .expressionAttributeValues(Map.of(":minusOne", number(-1), ":zero", number(0))));
        } catch (ConditionalCheckFailedException alreadyExpired) {
            // Nothing to take back.
        }
    }

    private Map<String, Map<String, AttributeValue>> read(String... keys) {
        List<Map<String, AttributeValue>> wanted = new ArrayList<>();
        for (String key : keys) {
            wanted.add(key(key));
        }
        var items = dynamo.batchGetItem(get -> get.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(wanted).consistentRead(true).build()))).responses().get(table);
        Map<String, Map<String, AttributeValue>> byKey = new java.util.HashMap<>();
        for (Map<String, AttributeValue> item : items == null ? List.<Map<String, AttributeValue>>of() : items) {
            byKey.put(item.get(KEY).s(), item);
        }
        return byKey;
    }

    /** Writes the new count only if the counter is still as read (or still absent). */
    private TransactWriteItem count(String key, Map<String, AttributeValue> asRead, long attempts, long expiresAt) {
        Put.Builder put = Put.builder().tableName(table)
                .item(Map.of(KEY, AttributeValue.fromS(key), ATTEMPTS, number(attempts), EXPIRES, number(expiresAt)));
        if (asRead == null) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", KEY));
        } else {
            put.conditionExpression("#attempts = :attempts AND #expires = :expires")
                    .expressionAttributeNames(Map.of("#attempts", ATTEMPTS, "#expires", EXPIRES))
                    .expressionAttributeValues(Map.of(":attempts", asRead.get(ATTEMPTS), ":expires", asRead.get(EXPIRES)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private record Counter(long attempts, long expiresAt) {
        static Counter of(Map<String, AttributeValue> item, long now) {
            if (item == null) {
                return new Counter(0, 0);
            }
            long expiresAt = Long.parseLong(item.get(EXPIRES).n());
            return expiresAt > now ? new Counter(Long.parseLong(item.get(ATTEMPTS).n()), expiresAt) : new Counter(0, 0);
        }

        long lockedFor(int limit, long now) {
            return attempts >= limit ? expiresAt - now : 0;
        }
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(KEY, AttributeValue.fromS(key));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
