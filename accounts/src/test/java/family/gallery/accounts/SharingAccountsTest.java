package family.gallery.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Group names, the site's audience prefixes, and guest links as stored. */
class SharingAccountsTest {

    @Test
    void groupNamesAreShortLowerCasePathSegmentsAndEveryoneIsReserved() {
        assertEquals("family", GroupName.of(" Family ").value());
        assertEquals(Optional.empty(), GroupName.parse("grand parents"));
        assertEquals(Optional.empty(), GroupName.parse("a/b"));
        assertEquals(Optional.empty(), GroupName.parse("../x"));
        assertEquals(Optional.empty(), GroupName.parse("x".repeat(33)));
        assertTrue(assertThrows(AccountException.InvalidGroup.class, () -> GroupName.of("Everyone")).getMessage().contains("reserved"));
    }

    @Test
    void aViewersPrefixesDependOnTheirSetOfGroupsAndNeverNest() {
        GroupName family = GroupName.of("family");
        GroupName friends = GroupName.of("friends");
        assertEquals(SiteAccess.viewPrefix(List.of(family, friends)), SiteAccess.viewPrefix(List.of(friends, family, family)));
        assertNotEquals(SiteAccess.viewPrefix(List.of(family)), SiteAccess.viewPrefix(List.of(family, friends)));
        assertTrue(SiteAccess.viewPrefix(Set.of()).matches("v/[0-9a-f]{16}/"));
        List<String> prefixes = SiteAccess.viewerPrefixes(List.of(friends, family));
        assertEquals(List.of(SiteAccess.viewPrefix(List.of(family, friends)), "a/everyone/", "a/family/", "a/friends/"), prefixes);
        List<String> all = new java.util.ArrayList<>(prefixes);
        all.add(SiteAccess.sharePrefix("abcdefghijkm"));
        for (String one : all) {
            for (String other : all) {
                assertTrue(one.equals(other) || !one.startsWith(other), one + " lies under " + other);
            }
        }
    }

    @Test
    void guestLinksKeepOnlyAHashOfTheirSecretAndTellExpiredFromForged() {
        try (LocalAccountsTable table = new LocalAccountsTable()) {
            Instant start = Instant.parse("2026-05-01T10:00:00Z");
            ShareLinks links = new ShareLinks(table.client(), table.name(), Clock.fixed(start, ZoneOffset.UTC));
            ShareLinks.NewShare link = links.create("albums/2026 summer/beach/", Duration.ofDays(2), false);
            assertEquals("2026 summer/beach", link.share().album());
            String secret = link.token().substring(13);
            var item = table.client().getItem(r -> r.tableName(table.name()).key(java.util.Map.of(ViewerAccounts.KEY,
                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(ShareLinks.PREFIX + link.share().id())))).item();
            assertFalse(item.toString().contains(secret), "the secret is not stored");
            assertEquals(start.plus(Duration.ofDays(32)).getEpochSecond(), Long.parseLong(item.get("expiresAt").n()),
                    "kept 30 days past its end, so it can say it expired");

            assertInstanceOf(ShareLinks.Valid.class, links.open(link.token()));
            assertInstanceOf(ShareLinks.Unknown.class, links.open(link.share().id() + "." + "B".repeat(43)));
            assertInstanceOf(ShareLinks.Unknown.class, links.open(link.token().toUpperCase(java.util.Locale.ROOT)));
            ShareLinks later = new ShareLinks(table.client(), table.name(), Clock.fixed(start.plus(Duration.ofDays(2)), ZoneOffset.UTC));
            assertInstanceOf(ShareLinks.Expired.class, later.open(link.token()));

            for (String album : List.of("", "albums/", "../secret", "a/../b", "/abs")) {
                assertThrows(AccountException.InvalidShare.class, () -> links.create(album, Duration.ofDays(1), false), album);
            }
            assertThrows(AccountException.InvalidShare.class, () -> links.create("a", Duration.ZERO, false));
            assertThrows(AccountException.UnknownShare.class, () -> links.revoke("nosuchlinkid"));
        }
    }
}
