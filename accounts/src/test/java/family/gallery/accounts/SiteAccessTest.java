package family.gallery.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The site's audience prefixes, which the cookies are scoped to. */
class SiteAccessTest {

    private static final GroupName FAMILY = GroupName.of("family");
    private static final GroupName FRIENDS = GroupName.of("friends");
    private static final GroupName FAM = GroupName.of("fam");
    private static final GroupName V = GroupName.of("v");

    @Test
    void aViewersPagesDependOnlyOnTheSetOfTheirGroups() {
        String both = SiteAccess.viewPrefix(List.of(FAMILY, FRIENDS));
        assertEquals(both, SiteAccess.viewPrefix(List.of(FRIENDS, FAMILY)));
        assertEquals(both, SiteAccess.viewPrefix(List.of(FRIENDS, FAMILY, FAMILY)));
        assertEquals(both, SiteAccess.viewPrefix(Set.of(FAMILY, FRIENDS)));
        assertEquals(both, SiteAccess.viewPrefix(List.of(GroupName.of("Friends"), GroupName.of("FAMILY"))));

        assertEquals("v/" + SiteAccess.sha256Hex("view:").substring(0, 16) + "/", SiteAccess.viewPrefix(Set.of()));
        assertEquals("v/" + SiteAccess.sha256Hex("view:family,friends").substring(0, 16) + "/", both);

        Set<String> distinct = new HashSet<>();
        for (List<GroupName> groups : List.of(List.<GroupName>of(), List.of(FAMILY), List.of(FRIENDS), List.of(FAM),
                List.of(FAMILY, FRIENDS), List.of(FAM, FAMILY), List.of(FAM, FAMILY, FRIENDS), List.of(V))) {
            String prefix = SiteAccess.viewPrefix(groups);
            assertTrue(prefix.matches("v/[0-9a-f]{16}/"), prefix);
            assertTrue(distinct.add(prefix), "another set of groups has the pages of " + groups);
        }
    }

    @Test
    void aViewerMayOpenTheirPagesEveryonesMediaAndEachOfTheirGroupsMedia() {
        assertEquals(List.of(SiteAccess.viewPrefix(List.of(FAMILY, FRIENDS)), "a/everyone/", "a/family/", "a/friends/"),
                SiteAccess.viewerPrefixes(List.of(FRIENDS, FAMILY)));
        assertEquals(List.of(SiteAccess.viewPrefix(Set.of()), "a/everyone/"), SiteAccess.viewerPrefixes(Set.of()));
        assertEquals("a/fam/", SiteAccess.groupPrefix(FAM));
        assertEquals("g/abcdefghijkm/", SiteAccess.sharePrefix("abcdefghijkm"));
        assertEquals("a/everyone/", SiteAccess.EVERYONE);
    }

    @Test
    void prefixesNeverNest() {
        List<List<GroupName>> combinations = List.of(List.of(), List.of(FAMILY), List.of(FAM), List.of(V), List.of(FAM, FAMILY),
                List.of(FAMILY, FRIENDS, FAM, V));
        List<String> all = new ArrayList<>();
        combinations.forEach(groups -> all.addAll(SiteAccess.viewerPrefixes(groups)));
        all.add(SiteAccess.sharePrefix("abcdefghijkm"));
        all.add(SiteAccess.sharePrefix("abcdefghijkn"));
        all.add("assets/");
        for (String one : all) {
            assertTrue(one.endsWith("/") && !one.startsWith("/"), one);
            for (String other : all) {
                assertTrue(one.equals(other) || !one.startsWith(other), one + " lies under " + other);
            }
        }
        // Six views, everyone's media, four groups' media, two links and the public assets.
        assertEquals(14, new HashSet<>(all).size(), all.toString());
    }
}
