package family.gallery.site.debounce;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The site's build state, one item of the catalog table ({@code pk = BUILD, sk = STATE}): a change
 * sequence bumped by every change notice, the sequence the published site was built from, the time
 * of the last change, the build lease and the next pending tick. Every transition is one conditional
 * update, so concurrent invocations agree without locks of their own.
 */
public final class BuildState {

    public static final String PARTITION = "BUILD";
    static final String SORT_KEY = "STATE";

    /**
     * @param changed    the change sequence
     * @param built      the change sequence the published site reflects
     * @param lastChange when the latest change was recorded
     * @param failures   builds failed in a row since the last change
     */
    public record Snapshot(long changed, long built, Instant lastChange, int failures) {

        public boolean stale() {
            return built < changed;
        }
    }

    /** A held build lease; {@code target} is the change sequence the build will reflect. */
    public record Lease(String owner, long target) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public BuildState(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public void recordChange(Instant now) {
        dynamo.updateItem(update("SET lastChangeAt = :now, failures = :zero ADD changeSeq :one",
                Map.of(":now", n(now.toEpochMilli()), ":zero", n(0), ":one", n(1))).build());
    }

    public Snapshot read() {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key()).consistentRead(true)).item();
        return snapshot(item == null ? Map.of() : item);
    }

    /** Takes the lease unless another build holds an unexpired one. */
    public Optional<Lease> acquire(String owner, Instant now, Duration leaseTime) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(update("SET leaseOwner = :me, leaseUntil = :until",
                    Map.of(":me", s(owner), ":until", n(now.plus(leaseTime).toEpochMilli()), ":now", n(now.toEpochMilli())))
                    .conditionExpression("attribute_not_exists(leaseUntil) OR leaseUntil < :now")
                    .returnValues(ReturnValue.ALL_NEW).build()).attributes();
            return Optional.of(new Lease(owner, snapshot(item).changed()));
        } catch (ConditionalCheckFailedException held) {
            return Optional.empty();
        }
    }

    /** Records the published build and gives up the lease; the snapshot shows changes made meanwhile. */
    public Snapshot complete(Lease lease) {
        return snapshot(dynamo.updateItem(update("SET builtSeq = :target, failures = :zero REMOVE leaseOwner, leaseUntil",
                Map.of(":target", n(lease.target()), ":zero", n(0), ":me", s(lease.owner())))
                .conditionExpression("leaseOwner = :me").returnValues(ReturnValue.ALL_NEW).build()).attributes());
    }

    /**
     * Drops whatever lease is held, for a local stack starting again: the builder that held it ended
     * with the previous run, and its lease would otherwise hold every build back until it expires.
     */
    public void releaseLease() {
        dynamo.updateItem(r -> r.tableName(table).key(key()).updateExpression("REMOVE leaseOwner, leaseUntil"));
    }

    /** Gives up the lease after a failed build and counts the failure. */
    public Snapshot fail(Lease lease) {
        return snapshot(dynamo.updateItem(update("ADD failures :one REMOVE leaseOwner, leaseUntil",
                Map.of(":one", n(1), ":me", s(lease.owner())))
                .conditionExpression("leaseOwner = :me").returnValues(ReturnValue.ALL_NEW).build()).attributes());
    }

    /**
     * Claims the right to send the next tick, due at {@code due}; refused while an earlier-sent tick
     * is still on its way, so a burst of notices leaves one tick in flight, not one per notice.
     */
    public boolean claimTick(Instant due, Instant now) {
        try {
            dynamo.updateItem(update("SET tickDueAt = :due", Map.of(":due", n(due.toEpochMilli()), ":now", n(now.toEpochMilli())))
                    .conditionExpression("attribute_not_exists(tickDueAt) OR tickDueAt <= :now").build());
            return true;
        } catch (ConditionalCheckFailedException pending) {
            return false;
        }
    }

    private UpdateItemRequest.Builder update(String expression, Map<String, AttributeValue> values) {
        return UpdateItemRequest.builder().tableName(table).key(key()).updateExpression(expression)
                .expressionAttributeValues(values);
    }

    private static Map<String, AttributeValue> key() {
        return Map.of("pk", s(PARTITION), "sk", s(SORT_KEY));
    }

    private static Snapshot snapshot(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> values = new HashMap<>(item);
        return new Snapshot(number(values, "changeSeq"), number(values, "builtSeq"),
                Instant.ofEpochMilli(number(values, "lastChangeAt")), (int) number(values, "failures"));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
