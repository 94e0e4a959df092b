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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Guest links as stored in the accounts table, read with fixed clocks. */
class ShareLinksTest {

    private static final Instant START = Instant.parse("2026-05-01T10:00:00Z");

    private LocalAccountsTable table;
    private ShareLinks links;

    @BeforeEach
    void start() {
        table = new LocalAccountsTable();
        links = at(START);
    }

    @AfterEach
    void stop() {
        table.close();
    }

    private ShareLinks at(Instant now) {
        return new ShareLinks(table.client(), table.name(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private Map<String, AttributeValue> item(String id) {
        return table.client().getItem(get -> get.tableName(table.name())
                .key(Map.of(ViewerAccounts.KEY, AttributeValue.fromS(ShareLinks.PREFIX + id)))).item();
    }

    @Test
    void aNewLinkOpensItsAlbumAndKeepsOnlyAHashOfItsSecret() {
        ShareLinks.NewShare link = links.create("albums/2026 summer/beach/", Duration.ofDays(2), true);
        ShareLinks.Share share = link.share();
        assertTrue(share.id().matches("[a-z2-7]{12}"), share.id());
        assertTrue(link.token().matches("[a-z2-7]{12}\\.[A-Za-z0-9_-]{43}"), link.token());
        assertTrue(link.token().startsWith(share.id() + "."), link.token());
        assertEquals(new ShareLinks.Share(share.id(), "2026 summer/beach", START, START.plus(Duration.ofDays(2)), true,
                Optional.empty(), Optional.empty()), share);

        String secret = link.token().substring(13);
        Map<String, AttributeValue> item = item(share.id());
        assertFalse(item.toString().contains(secret), "the secret is not stored");
        assertEquals(SiteAccess.sha256Hex(secret), item.get("secretSha256").s());
        assertEquals(START.plus(Duration.ofDays(32)).getEpochSecond(), Long.parseLong(item.get("expiresAt").n()),
                "kept 30 days past its end, so it can say it expired");

        assertEquals(new ShareLinks.Valid(share), links.open(link.token()));
        assertEquals(Optional.of(share), links.find(share.id()));
        assertEquals(List.of(share), links.list());

        ShareLinks.NewShare other = links.create("2026 summer/beach", Duration.ofDays(2), false);
        assertNotEquals(share.id(), other.share().id());
        assertNotEquals(link.token().substring(13), other.token().substring(13));
        assertFalse(other.share().allowDownload());
    }

    @Test
    void anExpiredLinkIsToldApartFromAnUnknownOne() {
        ShareLinks.NewShare link = links.create("2026 summer", Duration.ofDays(2), false);
        Instant end = START.plus(Duration.ofDays(2));
        assertInstanceOf(ShareLinks.Valid.class, at(end.minusSeconds(1)).open(link.token()));
        assertEquals(new ShareLinks.Expired(link.share()), at(end).open(link.token()), "expired from its end on");
        assertInstanceOf(ShareLinks.Expired.class, at(end.plus(Duration.ofDays(29))).open(link.token()));
        assertTrue(link.share().expiredAt(end));
        assertFalse(link.share().expiredAt(end.minusMillis(1)));
        assertEquals(List.of(link.share()), at(end.plus(Duration.ofDays(1))).list(), "listed until DynamoDB removes it");
    }

    @Test
    void aForgedSecretOpensNothingEvenWithTheRightId() {
        ShareLinks.NewShare link = links.create("2026 summer", Duration.ofDays(2), false);
        String id = link.share().id();
        char[] secret = link.token().substring(13).toCharArray();
        secret[20] = secret[20] == 'A' ? 'B' : 'A';
        assertEquals(new ShareLinks.Unknown(), links.open(id + "." + new String(secret)), "one character off");
        assertEquals(new ShareLinks.Unknown(), links.open(id + "." + "B".repeat(43)));
        ShareLinks.NewShare other = links.create("2026 winter", Duration.ofDays(2), false);
        assertEquals(new ShareLinks.Unknown(), links.open(id + "." + other.token().substring(13)), "another link's secret");
        assertEquals(new ShareLinks.Unknown(), links.open("abcdefghijkm." + link.token().substring(13)), "the secret with another id");
        assertEquals(new ShareLinks.Valid(link.share()), links.open(link.token()), "the right one still opens");
    }

    @Test
    void malformedTokensOpenNothing() {
        ShareLinks.NewShare link = links.create("2026 summer", Duration.ofDays(2), false);
        String token = link.token();
        String id = link.share().id();
        for (String malformed : Arrays.asList(null, "", id, id + ".", "." + token.substring(13), token + "A", token.substring(0, 55),
                token.toUpperCase(Locale.ROOT), " " + token, token + "\n", token.replace('.', '-'), id + ".." + token.substring(14),
                token + "." + token, id.substring(1) + "a." + token.substring(13), token.substring(0, 13) + "+" + token.substring(14),
                "../" + token)) {
            assertEquals(new ShareLinks.Unknown(), links.open(malformed), String.valueOf(malformed));
        }
        assertEquals(Optional.empty(), links.find(null));
        assertEquals(Optional.empty(), links.find("ABCDEFGHIJKL"));
        assertEquals(Optional.empty(), links.find("abcdefghijkm"));
    }

    @Test
    void aRevokedLinkOpensNothingAndCannotBeRevokedTwice() {
        ShareLinks.NewShare link = links.create("2026 summer", Duration.ofDays(2), false);
        ShareLinks.NewShare kept = links.create("2026 winter", Duration.ofDays(3), false);
        links.revoke(link.share().id());
        assertEquals(new ShareLinks.Unknown(), links.open(link.token()));
        assertEquals(Optional.empty(), links.find(link.share().id()));
        assertEquals(List.of(kept.share()), links.list());

        var twice = assertThrows(AccountException.UnknownShare.class, () -> links.revoke(link.share().id()));
        assertEquals("There is no guest link with the id \"" + link.share().id() + "\" (see: shares).", twice.getMessage());
        assertThrows(AccountException.UnknownShare.class, () -> links.revoke("abcdefghijkm"), "never made");
        for (String malformed : Arrays.asList(null, "", "ABCDEFGHIJKL", "short", link.token(), "../../VIEWER#ann")) {
            assertThrows(AccountException.UnknownShare.class, () -> links.revoke(malformed), String.valueOf(malformed));
        }
        assertEquals(new ShareLinks.Valid(kept.share()), links.open(kept.token()), "the other link is untouched");
    }

    @Test
    void usesAndBuildsAreNotedOnTheLinkButNeverBringARevokedOneBack() {
        ShareLinks.NewShare link = links.create("2026 summer", Duration.ofDays(2), false);
        String id = link.share().id();
        Instant used = START.plus(Duration.ofHours(5));
        at(used).recordUse(id);
        links.markPublished(id, true);
        ShareLinks.Share noted = links.find(id).orElseThrow();
        assertEquals(Optional.of(used), noted.lastUsed());
        assertEquals(Optional.of(true), noted.published());
        assertEquals(new ShareLinks.Valid(noted), links.open(link.token()));

        at(used.plusSeconds(60)).recordUse(id);
        links.markPublished(id, false);
        assertEquals(Optional.of(used.plusSeconds(60)), links.list().get(0).lastUsed());
        assertEquals(Optional.of(false), links.list().get(0).published(), "the last build could not publish the album");
        assertEquals(link.share().album(), links.list().get(0).album(), "noting changes nothing else");
        assertEquals(link.share().expires(), links.list().get(0).expires());

        links.revoke(id);
        links.recordUse(id);
        links.markPublished(id, true);
        links.recordUse("abcdefghijkm");
        assertEquals(Optional.empty(), links.find(id));
        assertEquals(0, table.client().scan(scan -> scan.tableName(table.name())).count(), "no item written back");
    }

    @Test
    void albumPathsAreNormalisedAndWhatCannotBeAnAlbumIsRefused() {
        assertEquals("2026 summer/beach", links.create("albums/2026 summer/beach/", Duration.ofDays(1), false).share().album());
        assertEquals("2026 summer", links.create("  2026 summer//  ", Duration.ofDays(1), false).share().album());
        assertEquals("Caf\u00e9 + amis #1", links.create("Caf\u00e9 + amis #1", Duration.ofDays(1), false).share().album());
        assertEquals("x..y/..z", links.create("x..y/..z", Duration.ofDays(1), false).share().album(), "dots inside a name are fine");

        for (String album : Arrays.asList(null, "", "  ", "albums/", "/", "../secret", "albums/../secret", "a/../b", "a/./b", ".",
                "..", "a/..", "/abs", "a//b", "x".repeat(901))) {
            var refused = assertThrows(AccountException.InvalidShare.class, () -> links.create(album, Duration.ofDays(1), false),
                    String.valueOf(album));
            assertTrue(refused.getMessage().startsWith("Not an album path: \"" + album + "\"."), refused.getMessage());
        }
        assertEquals(4, links.list().size(), "nothing stored for a refused one");
    }

    @Test
    void aLinkLastsFromOneSecondToAYear() {
        assertEquals(START.plus(ShareLinks.LONGEST), links.create("a", Duration.ofDays(365), false).share().expires());
        assertEquals(START.plusSeconds(1), links.create("a", Duration.ofSeconds(1), false).share().expires());
        for (Duration lifetime : List.of(Duration.ZERO, Duration.ofDays(-1), Duration.ofDays(366), Duration.ofDays(365).plusSeconds(1))) {
            var refused = assertThrows(AccountException.InvalidShare.class, () -> links.create("a", lifetime, false), lifetime.toString());
            assertTrue(refused.getMessage().startsWith("A guest link lasts from 1 to 365 days"), refused.getMessage());
        }
        assertEquals("A guest link lasts from 1 to 365 days, not 366.",
                assertThrows(AccountException.InvalidShare.class, () -> links.create("a", Duration.ofDays(366), false)).getMessage());
        assertEquals(2, links.list().size());
    }
}
