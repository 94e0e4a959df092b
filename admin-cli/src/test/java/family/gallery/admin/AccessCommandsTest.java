package family.gallery.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;

import family.gallery.accounts.GroupName;
import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;
import family.gallery.ingest.Routing;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;

/** Groups and guest links through gallery-admin, against the local stack. */
class AccessCommandsTest {

    private static final Pattern LINK = Pattern.compile(Pattern.quote(LocalStackServices.SITE_URL)
            + "/login/share/(([a-z2-7]{12})\\.[A-Za-z0-9_-]{43})");

    private static LocalAws stack;
    private static ViewerAccounts accounts;
    private static ShareLinks links;

    @BeforeAll
    static void start() {
        stack = LocalAws.start(LocalAwsConfig.forTests());
        accounts = new ViewerAccounts(stack.dynamoDb(), stack.tableName("AccountsTable"), Clock.systemUTC());
        links = new ShareLinks(stack.dynamoDb(), stack.tableName("AccountsTable"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void twoViewersNoLinks() {
        accounts.list().forEach(viewer -> accounts.remove(viewer.name()));
        links.list().forEach(share -> links.revoke(share.id()));
        String hash = new PasswordHasher(5).hash("correct horse battery".toCharArray());
        accounts.add(ViewerName.of("ann"), hash);
        accounts.add(ViewerName.of("bob"), hash);
        stack.sqs().purgeQueue(r -> r.queueUrl(stack.queueUrl("RebuildQueue")));
    }

    private CommandRun run(String... args) {
        return CommandRun.of(LocalStackServices.of(stack), "", args);
    }

    private Set<GroupName> groupsOf(String name) {
        return accounts.find(ViewerName.of(name)).orElseThrow().groups();
    }

    private int rebuildRequests() {
        return (int) stack.sqs().receiveMessage(r -> r.queueUrl(stack.queueUrl("RebuildQueue")).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages().stream().filter(message -> message.body().equals(Routing.CATALOG_CHANGED)).count();
    }

    @Test
    void groupsChangeAllOrNothingAndAskForASiteBuild() {
        CommandRun added = run("group", "add", "Family", "ann", "BOB");
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().startsWith("Added to family: ann, bob. The site is rebuilt"), added.out());
        assertEquals(Set.of(GroupName.of("family")), groupsOf("bob"));
        assertEquals(1, rebuildRequests());

        CommandRun unknown = run("group", "add", "friends", "ann", "zed");
        assertEquals(1, unknown.exitCode());
        assertEquals("There is no viewer named \"zed\".\n", unknown.err());
        assertFalse(groupsOf("ann").contains(GroupName.of("friends")), "nothing half done");

        CommandRun badName = run("group", "add", "grand parents", "ann");
        assertEquals(1, badName.exitCode());
        assertTrue(badName.err().startsWith("Not a valid group name: \"grand parents\""), badName.err());
        assertTrue(run("group", "add", "everyone", "ann").err().contains("reserved"));
        assertTrue(run("group", "rename", "family", "ann").err().startsWith("Say add or remove"));

        CommandRun removed = run("group", "remove", "family", "bob");
        assertEquals(0, removed.exitCode(), removed.err());
        assertEquals(Set.of(), groupsOf("bob"));
        assertTrue(run("group", "remove", "family", "bob").out().startsWith("bob was not in family."));

        CommandRun groups = run("groups");
        assertEquals(List.of("family                           ann", "(in no group)                    bob", "1 group"),
                groups.out().lines().toList());
    }

    @Test
    void aGuestLinkIsPrintedOnceListedAndRevoked() {
        CommandRun missing = run("share", "Summer 2026", "--days", "14");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith("There is no album \"Summer 2026\""), missing.err());

        stack.s3().putObject(r -> r.bucket(stack.bucketName("SourceBucket")).key("albums/Summer 2026/beach/IMG_1.jpg"),
                RequestBody.fromString("a photo"));
        CommandRun shared = run("share", "albums/Summer 2026/", "--days", "14", "--allow-download");
        assertEquals(0, shared.exitCode(), shared.err());
        Matcher link = LINK.matcher(shared.out());
        assertTrue(link.find(), shared.out());
        var opened = assertInstanceOf(ShareLinks.Valid.class, links.open(link.group(1)));
        assertEquals("Summer 2026", opened.share().album());
        assertTrue(opened.share().allowDownload());
        assertTrue(shared.out().contains("downloads allowed"), shared.out());
        assertEquals(1, rebuildRequests());

        assertTrue(run("share", "Summer 2026/beach", "--days", "0").err().startsWith("A guest link lasts from 1 to 365 days"));
        assertTrue(run("share", "Summer 2026/beach", "--days", "366").err().startsWith("A guest link lasts from 1 to 365 days"));
        assertEquals(2, run("share", "Summer 2026/beach").exitCode(), "--days is required");

        String id = link.group(2);
        CommandRun listed = run("shares");
        assertTrue(listed.out().startsWith(id + "  \"Summer 2026\""), listed.out());
        assertTrue(listed.out().contains("downloads yes  last used never"), listed.out());
        assertTrue(listed.out().endsWith("1 guest link\n"), listed.out());
        links.markPublished(id, false);
        assertTrue(run("shares").out().contains("NOT PUBLISHED"), "a link whose album is gone says so");

        CommandRun revoked = run("unshare", id);
        assertEquals(0, revoked.exitCode(), revoked.err());
        assertTrue(revoked.out().startsWith("Revoked guest link " + id), revoked.out());
        assertInstanceOf(ShareLinks.Unknown.class, links.open(link.group(1)));
        CommandRun again = run("unshare", id);
        assertEquals(1, again.exitCode());
        assertEquals("There is no guest link with the id \"" + id + "\" (see: shares).\n", again.err());
        assertEquals("0 guest links\n", run("shares").out());
    }

    @Test
    void signingOutEveryoneSetsTheCutOffThatEndsEarlierSessions() {
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        CommandRun out = run("sign-out-everyone");
        assertEquals(0, out.exitCode(), out.err());
        assertTrue(out.out().startsWith("Every session begun until now is over"), out.out());
        assertTrue(accounts.sessionsNotBefore().orElseThrow().isAfter(before));
    }
}
