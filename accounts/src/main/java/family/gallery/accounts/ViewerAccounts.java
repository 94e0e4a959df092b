package family.gallery.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Viewer accounts in the accounts table: one item per viewer, {@code pk = VIEWER#<name>}, holding the
 * bcrypt hash, when the account and its password were set, and its groups (a string set). The table
 * also holds guest links ({@link ShareLinks}) and login
 * throttling items ({@link ThrottleKeys}); this class only clears a name's, to unlock it.
 */
public final class ViewerAccounts {

    public static final String KEY = "pk";
    public static final String VIEWER_PREFIX = "VIEWER#";
    private static final String NAME = "name";
    private static final String HASH = "passwordHash";
    private static final String CREATED = "createdAt";
    private static final String CHANGED = "passwordChangedAt";
    private static final String GROUPS = "groups";
    private static final String IMPORTED = "passwordImported";
    /** The one item that says since when sessions count. */
    public static final String SESSIONS = "SESSIONS#ALL";
    private static final String NOT_BEFORE = "notBefore";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public ViewerAccounts(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public void add(ViewerName name, String passwordHash) {
        put(name, passwordHash, false);
    }

    /**
     * Adds a viewer whose hash was made elsewhere (an htpasswd file): their password was never checked
     * against the policy, so the account says so until the password is changed.
     */
    public void addImported(ViewerName name, String passwordHash) {
        put(name, passwordHash, true);
    }

    private void put(ViewerName name, String passwordHash, boolean imported) {
        String now = clock.instant().toString();
        Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of(KEY, s(VIEWER_PREFIX + name), NAME, s(name.value()),
                HASH, s(bcrypt(passwordHash)), CREATED, s(now), CHANGED, s(now)));
        if (imported) {
            item.put(IMPORTED, AttributeValue.fromBool(true));
        }
        try {
            dynamo.putItem(put -> put.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", KEY)));
        } catch (ConditionalCheckFailedException exists) {
            throw new AccountException.DuplicateViewer(name);
        }
    }

    public void remove(ViewerName name) {
        try {
            dynamo.deleteItem(delete -> delete.tableName(table).key(key(name))
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", KEY)));
        } catch (ConditionalCheckFailedException missing) {
            throw new AccountException.UnknownViewer(name);
        }
    }

    /** Forgets the wrong passwords typed for the name on unknown devices, so it is no longer locked. */
    public void unlock(ViewerName name) {
        dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of(KEY, s(ThrottleKeys.account(name.value())))));
    }

    /** Sets a new password and unlocks the name: whoever set it knows the new password. */
    public void changePassword(ViewerName name, String passwordHash) {
        changeHash(name, passwordHash);
        unlock(name);
    }

    private void changeHash(ViewerName name, String passwordHash) {
        try {
            dynamo.updateItem(update -> update.tableName(table).key(key(name))
                    .updateExpression("SET #hash = :hash, #changed = :now REMOVE #imported")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", KEY, "#hash", HASH, "#changed", CHANGED, "#imported", IMPORTED))
                    .expressionAttributeValues(Map.of(":hash", s(bcrypt(passwordHash)), ":now", s(clock.instant().toString()))));
        } catch (ConditionalCheckFailedException missing) {
            throw new AccountException.UnknownViewer(name);
        }
    }

    /**
     * Replaces a hash by a stronger one of the same password, unless the password changed meanwhile.
     * The password's change date stays: the password itself did not change.
     */
    public boolean upgradeHash(ViewerName name, String currentHash, String strongerHash) {
        try {
            dynamo.updateItem(update -> update.tableName(table).key(key(name))
                    .updateExpression("SET #hash = :stronger")
                    .conditionExpression("#hash = :current")
                    .expressionAttributeNames(Map.of("#hash", HASH))
                    .expressionAttributeValues(Map.of(":stronger", s(bcrypt(strongerHash)), ":current", s(currentHash))));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    /** Puts the viewer into the group; a group exists while it has members. */
    public void addToGroup(GroupName group, ViewerName name) {
        changeGroups("ADD", group, name);
    }

    /** Takes the viewer out of the group; true when they were in it. */
    public boolean removeFromGroup(GroupName group, ViewerName name) {
        boolean member = find(name).orElseThrow(() -> new AccountException.UnknownViewer(name)).groups().contains(group);
        changeGroups("DELETE", group, name);
        return member;
    }

    private void changeGroups(String action, GroupName group, ViewerName name) {
        try {
            dynamo.updateItem(update -> update.tableName(table).key(key(name))
                    .updateExpression(action + " #groups :group")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", KEY, "#groups", GROUPS))
                    .expressionAttributeValues(Map.of(":group", AttributeValue.fromSs(List.of(group.value())))));
        } catch (ConditionalCheckFailedException missing) {
            throw new AccountException.UnknownViewer(name);
        }
    }

    /**
     * Ends every session begun before now, viewers' and guests' alike: each browser loses access when
     * its hour-long cookies are due for renewal, and signs in again.
     */
    public void signOutEveryone() {
        dynamo.putItem(put -> put.tableName(table).item(Map.of(KEY, s(SESSIONS), NOT_BEFORE, s(clock.instant().toString()))));
    }

    /** When the last {@link #signOutEveryone} was: sessions begun before then are over. */
    public Optional<Instant> sessionsNotBefore() {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(Map.of(KEY, s(SESSIONS)))
                .consistentRead(true)).item();
        return item == null || !item.containsKey(NOT_BEFORE) ? Optional.empty() : Optional.of(Instant.parse(item.get(NOT_BEFORE).s()));
    }

    public Optional<ViewerAccount> find(ViewerName name) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(key(name)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(account(item));
    }

    /** Every viewer, by name. The table is small (a family's viewers), so a scan is the simple way. */
    public List<ViewerAccount> list() {
        return dynamo.scanPaginator(scan -> scan.tableName(table).consistentRead(true)
                        .filterExpression("begins_with(#pk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", KEY))
                        .expressionAttributeValues(Map.of(":prefix", s(VIEWER_PREFIX))))
                .items().stream().map(ViewerAccounts::account)
                .sorted(Comparator.comparing(account -> account.name().value())).toList();
    }

    private static ViewerAccount account(Map<String, AttributeValue> item) {
        return new ViewerAccount(new ViewerName(item.get(NAME).s()), item.get(HASH).s(),
                Instant.parse(item.get(CREATED).s()), Instant.parse(item.get(CHANGED).s()),
                // A hand-edited name that is no group's is left out rather than failing every listing.
                item.containsKey(GROUPS) ? item.get(GROUPS).ss().stream().map(GroupName::parse).flatMap(Optional::stream)
                        .collect(Collectors.toCollection(TreeSet::new)) : new TreeSet<>(),
                item.containsKey(IMPORTED) && Boolean.TRUE.equals(item.get(IMPORTED).bool()));
    }

    private static String bcrypt(String hash) {
        return PasswordHasher.requireBcrypt(hash, "the hash to store");
    }

    private static Map<String, AttributeValue> key(ViewerName name) {
        return Map.of(KEY, s(VIEWER_PREFIX + name));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
