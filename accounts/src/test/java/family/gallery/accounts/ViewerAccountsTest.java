package family.gallery.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ViewerAccountsTest {

    // Cost 4 keeps these tests fast; the cost itself is PasswordHasherTest's subject.
    private static final PasswordHasher HASHER = new PasswordHasher(4);
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private LocalAccountsTable table;
    private ViewerAccounts accounts;

    @BeforeEach
    void start() {
        table = new LocalAccountsTable();
        accounts = new ViewerAccounts(table.client(), table.name(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        table.close();
    }

    @Test
    void addsFindsListsAndRemovesViewers() {
        String hash = HASHER.hash("correct horse".toCharArray());
        accounts.add(ViewerName.of("Ann"), hash);
        accounts.add(ViewerName.of("bob@example.org"), HASHER.hash("battery staple".toCharArray()));

        ViewerAccount ann = accounts.find(ViewerName.of("ann")).orElseThrow();
        assertEquals("ann", ann.name().value());
        assertEquals(hash, ann.passwordHash());
        assertEquals(NOW, ann.createdAt());
        assertEquals(List.of("ann", "bob@example.org"), accounts.list().stream().map(a -> a.name().value()).toList());

        accounts.remove(ViewerName.of("ANN"));
        assertTrue(accounts.find(ViewerName.of("ann")).isEmpty());
        assertEquals(List.of("bob@example.org"), accounts.list().stream().map(a -> a.name().value()).toList());
    }

    @Test
    void refusesDuplicatesAndMissingViewers() {
        accounts.add(ViewerName.of("ann"), HASHER.hash("correct horse".toCharArray()));
        String other = HASHER.hash("something else".toCharArray());
        var duplicate = assertThrows(AccountException.DuplicateViewer.class, () -> accounts.add(ViewerName.of(" ANN "), other));
        assertTrue(duplicate.getMessage().contains("\"ann\" already exists"), duplicate.getMessage());
        assertEquals(HASHER.hash("x".toCharArray()).length(), accounts.find(ViewerName.of("ann")).orElseThrow().passwordHash().length());
        assertTrue(HASHER.verify("correct horse".toCharArray(), accounts.find(ViewerName.of("ann")).orElseThrow().passwordHash()),
                "the duplicate did not overwrite the first account");

        assertThrows(AccountException.UnknownViewer.class, () -> accounts.remove(ViewerName.of("carol")));
        assertThrows(AccountException.UnknownViewer.class, () -> accounts.changePassword(ViewerName.of("carol"), other));
        assertTrue(accounts.find(ViewerName.of("carol")).isEmpty(), "changing a missing viewer's password created no account");
    }

    @Test
    void changesAndUpgradesPasswordHashes() {
        String first = HASHER.hash("correct horse".toCharArray());
        accounts.add(ViewerName.of("ann"), first);
        String second = HASHER.hash("new password!".toCharArray());
        accounts.changePassword(ViewerName.of("ann"), second);
        assertEquals(second, accounts.find(ViewerName.of("ann")).orElseThrow().passwordHash());

        String stronger = new PasswordHasher(5).hash("new password!".toCharArray());
        assertFalse(accounts.upgradeHash(ViewerName.of("ann"), first, stronger), "an outdated hash is not replaced");
        assertTrue(accounts.upgradeHash(ViewerName.of("ann"), second, stronger));
        assertEquals(stronger, accounts.find(ViewerName.of("ann")).orElseThrow().passwordHash());
    }

    @Test
    void anImportedPasswordIsMarkedUntilItIsChanged() {
        accounts.addImported(ViewerName.of("ann"), new PasswordHasher(5).hash("ann".toCharArray()));
        accounts.add(ViewerName.of("bob"), HASHER.hash("correct horse".toCharArray()));
        assertTrue(accounts.find(ViewerName.of("ann")).orElseThrow().passwordImported());
        assertFalse(accounts.find(ViewerName.of("bob")).orElseThrow().passwordImported());

        String current = accounts.find(ViewerName.of("ann")).orElseThrow().passwordHash();
        assertTrue(accounts.upgradeHash(ViewerName.of("ann"), current, HASHER.hash("ann".toCharArray())));
        assertTrue(accounts.find(ViewerName.of("ann")).orElseThrow().passwordImported(), "a stronger hash of it is still unchecked");

        accounts.changePassword(ViewerName.of("ann"), HASHER.hash("a checked passphrase".toCharArray()));
        assertFalse(accounts.find(ViewerName.of("ann")).orElseThrow().passwordImported());
    }

    @Test
    void storesOnlyBcryptHashes() {
        assertThrows(AccountException.UnsupportedHash.class, () -> accounts.add(ViewerName.of("ann"), "plain text"));
        assertThrows(AccountException.UnsupportedHash.class, () -> accounts.add(ViewerName.of("ann"), "$apr1$abc$defghijklmnopqrstuvwx"));
        assertTrue(accounts.find(ViewerName.of("ann")).isEmpty());
    }

    @Test
    void leavesThrottleItemsOutOfTheList() {
        table.client().putItem(put -> put.tableName(table.name()).item(Map.of("pk", AttributeValue.fromS("THROTTLE#ACCOUNT#ann"))));
        accounts.add(ViewerName.of("ann"), HASHER.hash("correct horse".toCharArray()));
        assertEquals(1, accounts.list().size());
    }

    @Test
    void putsViewersIntoGroupsAndTakesThemOut() {
        String hash = HASHER.hash("correct horse".toCharArray());
        accounts.add(ViewerName.of("ann"), hash);
        accounts.add(ViewerName.of("bob"), hash);
        GroupName family = GroupName.of("family");
        GroupName friends = GroupName.of("friends");
        assertEquals(Set.of(), groupsOf("ann"), "a new viewer is in no group");

        accounts.addToGroup(friends, ViewerName.of("Ann"));
        accounts.addToGroup(family, ViewerName.of("ann"));
        accounts.addToGroup(family, ViewerName.of("bob"));
        assertEquals(List.of(family, friends), List.copyOf(groupsOf("ann")), "in name order");
        assertEquals(Map.of("ann", List.of("family", "friends"), "bob", List.of("family")), groupsByViewer());

        accounts.addToGroup(family, ViewerName.of("ann"));
        assertEquals(List.of(family, friends), List.copyOf(groupsOf("ann")), "adding twice keeps one membership");

        assertTrue(accounts.removeFromGroup(friends, ViewerName.of("ann")));
        assertFalse(accounts.removeFromGroup(friends, ViewerName.of("ann")), "taking out twice: not a member any more");
        assertFalse(accounts.removeFromGroup(GroupName.of("neighbours"), ViewerName.of("bob")), "a group nobody is in");
        assertEquals(Map.of("ann", List.of("family"), "bob", List.of("family")), groupsByViewer());

        assertTrue(accounts.removeFromGroup(family, ViewerName.of("bob")));
        assertEquals(Set.of(), groupsOf("bob"), "out of the last group: no groups, read back as an empty set");
        assertEquals(Map.of("ann", List.of("family"), "bob", List.of()), groupsByViewer());

        accounts.changePassword(ViewerName.of("ann"), HASHER.hash("another password".toCharArray()));
        assertEquals(Set.of(family), groupsOf("ann"), "a new password keeps the groups");
    }

    @Test
    void groupsOfAnUnknownViewerAreNotChangedAndNoAccountAppears() {
        GroupName family = GroupName.of("family");
        var added = assertThrows(AccountException.UnknownViewer.class, () -> accounts.addToGroup(family, ViewerName.of("carol")));
        assertEquals("There is no viewer named \"carol\".", added.getMessage());
        assertThrows(AccountException.UnknownViewer.class, () -> accounts.removeFromGroup(family, ViewerName.of("carol")));
        assertTrue(accounts.find(ViewerName.of("carol")).isEmpty());
        assertEquals(0, table.client().scan(scan -> scan.tableName(table.name())).count(), "nothing written");
    }

    private Set<GroupName> groupsOf(String name) {
        return accounts.find(ViewerName.of(name)).orElseThrow().groups();
    }

    private Map<String, List<String>> groupsByViewer() {
        return accounts.list().stream().collect(java.util.stream.Collectors.toMap(viewer -> viewer.name().value(),
                viewer -> viewer.groups().stream().map(GroupName::value).toList()));
    }
}
