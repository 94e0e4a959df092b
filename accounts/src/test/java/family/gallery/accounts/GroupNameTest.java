package family.gallery.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Group names: what album.yml and the admin tool accept, kept as the site's path segments. */
class GroupNameTest {

    @Test
    void typedNamesAreStrippedAndLowerCased() {
        assertEquals("family", GroupName.of(" Family ").value());
        assertEquals("grand-parents_2", GroupName.of("GRAND-Parents_2").value());
        assertEquals(GroupName.of("friends"), GroupName.of("Friends"));
        assertEquals(Optional.of(GroupName.of("family")), GroupName.parse("FAMILY"));
        assertEquals("2026-trip", GroupName.of("2026-trip").toString());
    }

    @Test
    void storedNamesMustAlreadyBeLowerCase() {
        // The record's own constructor is what reading an item uses: no quiet normalising there.
        assertThrows(AccountException.InvalidGroup.class, () -> new GroupName("Family"));
        assertThrows(AccountException.InvalidGroup.class, () -> new GroupName(" family"));
        assertEquals("family", new GroupName("family").value());
    }

    @Test
    void everyoneIsReservedInAnySpelling() {
        for (String typed : List.of("everyone", "Everyone", " EVERYONE ")) {
            var refused = assertThrows(AccountException.InvalidGroup.class, () -> GroupName.of(typed), typed);
            assertTrue(refused.getMessage().contains("\"everyone\" is reserved for every signed-in viewer"), refused.getMessage());
        }
        assertEquals(Optional.empty(), GroupName.parse("Everyone"));
        assertEquals("everyone2", GroupName.of("everyone2").value(), "only the word itself is reserved");
    }

    @Test
    void onlyShortPathSafeNamesStartingWithALetterOrDigit() {
        for (String bad : List.of("", " ", "grand parents", "a/b", "../x", "..", ".", "a.b", "-family", "_family", "fam,ily",
                "famille\u00e9", "a\\b", "a%2fb", "x".repeat(GroupName.MAX_LENGTH + 1))) {
            assertEquals(Optional.empty(), GroupName.parse(bad), bad);
            assertThrows(AccountException.InvalidGroup.class, () -> GroupName.of(bad), bad);
        }
        assertEquals(Optional.empty(), GroupName.parse(null));
        assertEquals("x".repeat(GroupName.MAX_LENGTH), GroupName.of("x".repeat(GroupName.MAX_LENGTH)).value());
        assertEquals("a", GroupName.of("a").value());

        var refused = assertThrows(AccountException.InvalidGroup.class, () -> GroupName.of("grand parents"));
        assertEquals("Not a valid group name: \"grand parents\". Use 1 to 32 letters, digits, _ or -, starting with a letter or"
                + " digit; \"everyone\" is reserved for every signed-in viewer.", refused.getMessage());
    }

    @Test
    void sortByName() {
        var sorted = new TreeSet<>(List.of(GroupName.of("friends"), GroupName.of("Family"), GroupName.of("fam")));
        assertEquals(List.of("fam", "family", "friends"), sorted.stream().map(GroupName::value).toList());
    }
}
