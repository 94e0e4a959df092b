package family.gallery.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

import family.gallery.accounts.GroupName;
import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;
import family.gallery.catalog.PhotoCatalog;
import family.gallery.catalog.PhotoDetails;
import family.gallery.catalog.PhotoEntry;
import family.gallery.catalog.PhotoId;
import family.gallery.catalog.TakenAt;
import family.gallery.ingest.Routing;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;

/** Groups and guest links through gallery-admin, against the local stack. */
class AccessCommandsTest {

    private static final String TOKEN = "(([a-z2-7]{12})\\.[A-Za-z0-9_-]{43})";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(LocalStackServices.SITE_URL) + "/login/share/" + TOKEN);
    private static final String REBUILT = "The site is rebuilt once the pipeline has been quiet for the stack's"
            + " QuietPeriodSeconds (about a minute).";
    private static final String SEE_THE_CHANGE = "Viewers see the change at their next sign-in, or within the hour if they are"
            + " signed in now.";

    private static LocalAws stack;
    private static ViewerAccounts accounts;
    private static ShareLinks links;
    private static String hash;

    @BeforeAll
    static void start() {
        stack = LocalAws.start(LocalAwsConfig.forTests());
        accounts = new ViewerAccounts(stack.dynamoDb(), stack.tableName("AccountsTable"), Clock.systemUTC());
        links = new ShareLinks(stack.dynamoDb(), stack.tableName("AccountsTable"), Clock.systemUTC());
        hash = new PasswordHasher(5).hash("correct horse battery".toCharArray());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void twoViewersNoLinksNoAlbums() {
        accounts.list().forEach(viewer -> accounts.remove(viewer.name()));
        links.list().forEach(share -> links.revoke(share.id()));
        accounts.add(ViewerName.of("ann"), hash);
        accounts.add(ViewerName.of("bob"), hash);
        String bucket = stack.bucketName("SourceBucket");
        stack.s3().listObjectsV2Paginator(r -> r.bucket(bucket)).contents()
                .forEach(object -> stack.s3().deleteObject(r -> r.bucket(bucket).key(object.key())));
        String catalog = stack.tableName("CatalogTable");
        stack.dynamoDb().scanPaginator(r -> r.tableName(catalog)).items().forEach(item -> stack.dynamoDb()
                .deleteItem(r -> r.tableName(catalog).key(java.util.Map.of("pk", item.get("pk"), "sk", item.get("sk")))));
        stack.sqs().purgeQueue(r -> r.queueUrl(stack.queueUrl("RebuildQueue")));
    }

    private CommandRun run(String... args) {
        return CommandRun.of(LocalStackServices.of(stack), "", args);
    }

    private Set<GroupName> groupsOf(String name) {
        return accounts.find(ViewerName.of(name)).orElseThrow().groups();
    }

    /** The site build requests now in the rebuild queue, taken out of it. */
    private int rebuildRequests() {
        String queue = stack.queueUrl("RebuildQueue");
        int requests = 0;
        List<Message> messages;
        do {
            messages = stack.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages();
            for (Message message : messages) {
                assertEquals(Routing.CATALOG_CHANGED, message.body(), "the notice the rebuild command sends");
                stack.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
                requests++;
            }
        } while (!messages.isEmpty());
        return requests;
    }

    private void upload(String key) {
        stack.s3().putObject(r -> r.bucket(stack.bucketName("SourceBucket")).key(key), RequestBody.fromString("a photo"));
    }

    private static void assertRefused(CommandRun run, String err) {
        assertEquals(1, run.exitCode(), run.out());
        assertEquals(err + "\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void groupAddAndRemoveChangeTheGroupsAndAskForASiteBuild() {
        CommandRun added = run("group", "add", "Family", "ann", "BOB", "ann");
        assertEquals(0, added.exitCode(), added.err());
        assertEquals(List.of("Added to family: ann, bob.", REBUILT, SEE_THE_CHANGE), added.out().lines().toList());
        assertEquals(Set.of(GroupName.of("family")), groupsOf("ann"));
        assertEquals(Set.of(GroupName.of("family")), groupsOf("bob"));
        assertEquals(1, rebuildRequests());

        CommandRun again = run("group", "add", "family", "ann");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("ann was already in family.\nNothing to change.\n", again.out());
        assertEquals(0, rebuildRequests(), "nothing changed, no build");

        CommandRun partly = run("group", "add", "friends", "ann");
        assertEquals(0, partly.exitCode(), partly.err());
        CommandRun removed = run("group", "remove", "FRIENDS", "bob", "ann");
        assertEquals(0, removed.exitCode(), removed.err());
        assertEquals(List.of("bob was not in friends.", "Taken out of friends: ann.", REBUILT, SEE_THE_CHANGE),
                removed.out().lines().toList());
        assertEquals(Set.of(GroupName.of("family")), groupsOf("ann"));
        assertEquals(2, rebuildRequests());

        CommandRun notIn = run("group", "remove", "friends", "ann", "bob");
        assertEquals(0, notIn.exitCode(), notIn.err());
        assertEquals("ann was not in friends.\nbob was not in friends.\nNothing to change.\n", notIn.out());
        assertEquals(0, rebuildRequests());
    }

    @Test
    void groupChecksEveryViewerBeforeChangingAny() {
        assertRefused(run("group", "add", "friends", "ann", "zed"),
                "There is no viewer named \"zed\": nothing was changed (see: list).");
        assertRefused(run("group", "add", "friends", "zed", "ann", "Yan"),
                "There are no viewers named \"zed\", \"yan\": nothing was changed (see: list).");
        assertEquals(Set.of(), groupsOf("ann"), "nothing half done");

        run("group", "add", "family", "ann", "bob");
        rebuildRequests();
        assertRefused(run("group", "remove", "family", "ann", "zed"),
                "There is no viewer named \"zed\": nothing was changed (see: list).");
        assertEquals(Set.of(GroupName.of("family")), groupsOf("ann"));
        assertEquals(0, rebuildRequests(), "no build for a refused change");
    }

    @Test
    void groupRefusesBadInputInOneLine() {
        String rules = "Use 1 to 32 letters, digits, _ or -, starting with a letter or digit; \"everyone\" is reserved for"
                + " every signed-in viewer.";
        assertRefused(run("group", "add", "grand parents", "ann"), "Not a valid group name: \"grand parents\". " + rules);
        assertRefused(run("group", "add", "Everyone", "ann"), "Not a valid group name: \"everyone\". " + rules);
        assertRefused(run("group", "remove", "a/b", "ann"), "Not a valid group name: \"a/b\". " + rules);
        assertRefused(run("group", "add", "x".repeat(33), "ann"), "Not a valid group name: \"" + "x".repeat(33) + "\". " + rules);
        assertRefused(run("group", "rename", "family", "ann"), "Say add or remove, not \"rename\": group add|remove GROUP VIEWER...");
        CommandRun badViewer = run("group", "add", "family", "ann smith");
        assertEquals(1, badViewer.exitCode());
        assertTrue(badViewer.err().startsWith("Not a valid viewer name: \"ann smith\"."), badViewer.err());
        assertEquals(1, badViewer.err().lines().count(), badViewer.err());

        CommandRun noViewer = run("group", "add", "family");
        assertEquals(2, noViewer.exitCode(), "a viewer is required");
        assertTrue(noViewer.err().contains("VIEWER"), noViewer.err());
        assertEquals(Set.of(), groupsOf("ann"));
        assertEquals(Set.of(), groupsOf("bob"));
        assertEquals(0, rebuildRequests());
    }

    @Test
    void groupsListsEachGroupWithItsMembersAndTheViewersInNone() {
        assertEquals(List.of("(in no group)                    ann, bob", "0 groups"), run("groups").out().lines().toList());
        accounts.add(ViewerName.of("carol"), hash);
        accounts.add(ViewerName.of("dave"), hash);
        run("group", "add", "friends", "ann");
        run("group", "add", "family", "bob", "ann");

        CommandRun groups = run("groups");
        assertEquals(0, groups.exitCode(), groups.err());
        assertEquals(List.of(
                "family                           ann, bob",
                "friends                          ann",
                "(in no group)                    carol, dave",
                "2 groups"), groups.out().lines().toList());

        accounts.list().forEach(viewer -> accounts.remove(viewer.name()));
        assertEquals("0 groups\n", run("groups").out());
    }

    @Test
    void aGuestLinkIsPrintedOnceListedAndRevoked() {
        upload("albums/Summer 2026/beach/IMG_1.jpg");
        CommandRun shared = run("share", "albums/Summer 2026/", "--days", "14", "--allow-download");
        assertEquals(0, shared.exitCode(), shared.err());
        List<String> lines = shared.out().lines().toList();
        assertEquals(3, lines.size(), shared.out());
        Matcher link = LINK.matcher(lines.get(0));
        assertTrue(link.matches(), lines.get(0));
        String id = link.group(2);
        ShareLinks.Share share = assertInstanceOf(ShareLinks.Valid.class, links.open(link.group(1))).share();
        assertEquals("Summer 2026", share.album());
        assertTrue(share.allowDownload());
        assertTrue(Duration.between(Instant.now().plus(Duration.ofDays(14)), share.expires()).abs().toMinutes() < 1,
                share.expires().toString());
        String until = AccessCommands.WHEN.format(share.expires());
        assertEquals("Guest link " + id + " to \"Summer 2026\", until " + until + ", downloads allowed. The link is shown only"
                + " now: keep it, or make another.", lines.get(1));
        assertEquals("It opens once the site has been rebuilt, once the pipeline has been quiet for the stack's"
                + " QuietPeriodSeconds (about a minute).", lines.get(2));
        assertEquals(1, rebuildRequests());

        assertEquals(List.of(id + "  \"Summer 2026\"                    expires " + until
                + "  downloads yes  last used never  waiting for a site build", "1 guest link"), run("shares").out().lines().toList());
        links.markPublished(id, false);
        Instant used = Instant.parse("2026-06-01T08:30:00Z");
        new ShareLinks(stack.dynamoDb(), stack.tableName("AccountsTable"), Clock.fixed(used, ZoneOffset.UTC)).recordUse(id);
        assertEquals(id + "  \"Summer 2026\"                    expires " + until + "  downloads yes  last used 2026-06-01 08:30 UTC"
                + "  not published: the last site build could not publish its album", run("shares").out().lines().findFirst().orElseThrow());
        links.markPublished(id, true);
        assertTrue(run("shares").out().startsWith(id + "  \"Summer 2026\"                    expires " + until
                + "  downloads yes  last used 2026-06-01 08:30 UTC\n"));

        CommandRun revoked = run("unshare", " " + id.toUpperCase(java.util.Locale.ROOT) + " ");
        assertEquals(0, revoked.exitCode(), revoked.err());
        assertEquals(List.of("Revoked guest link " + id + " to \"Summer 2026\": it opens nothing from now on, and a guest already"
                + " inside keeps access for at most an hour.", REBUILT + " The build deletes the link's pages."),
                revoked.out().lines().toList());
        assertInstanceOf(ShareLinks.Unknown.class, links.open(link.group(1)));
        assertEquals(1, rebuildRequests());
        assertEquals("0 guest links\n", run("shares").out());

        assertRefused(run("unshare", id), "There is no guest link with the id \"" + id + "\" (see: shares).");
        assertRefused(run("unshare", "not-an-id"), "There is no guest link with the id \"not-an-id\" (see: shares).");
        assertEquals(2, run("unshare").exitCode(), "the id is required");
        assertEquals(0, rebuildRequests());
    }

    @Test
    void sharesSaysWhichLinksHaveExpiredAndWhichAllowNoDownloads() {
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        ShareLinks past = new ShareLinks(stack.dynamoDb(), stack.tableName("AccountsTable"), Clock.fixed(threeDaysAgo, ZoneOffset.UTC));
        ShareLinks.Share expired = past.create("2025 winter", Duration.ofDays(1), false).share();
        ShareLinks.Share current = links.create("2026 summer/beach", Duration.ofDays(30), false).share();
        links.markPublished(current.id(), true);

        CommandRun listed = run("shares");
        assertEquals(0, listed.exitCode(), listed.err());
        assertEquals(List.of(
                expired.id() + "  \"2025 winter\"                    expired " + AccessCommands.WHEN.format(expired.expires())
                        + "  downloads no   last used never  waiting for a site build",
                current.id() + "  \"2026 summer/beach\"              expires " + AccessCommands.WHEN.format(current.expires())
                        + "  downloads no   last used never",
                "2 guest links"), listed.out().lines().toList());
    }

    @Test
    void shareChecksTheAlbumInTheCatalogThenInTheBucket() {
        Instant now = Instant.now();
        new PhotoCatalog(stack.dynamoDb(), stack.tableName("CatalogTable")).record(PhotoEntry.ready(new PhotoId("2026 autumn",
                "leaves.jpg"), "10", "e1", 1800, 1200, TakenAt.uploaded(now), PhotoDetails.NONE, List.of(), now));
        CommandRun catalogued = run("share", "2026 autumn", "--days", "1");
        assertEquals(0, catalogued.exitCode(), "in the catalog, though not (or no longer) in the bucket: " + catalogued.err());
        assertTrue(catalogued.out().contains(" to \"2026 autumn\", until "), catalogued.out());
        assertTrue(catalogued.out().contains("downloads not allowed"), catalogued.out());

        upload("albums/2026 summer/beach/IMG_1.jpg");
        CommandRun parent = run("share", "2026 summer", "--days", "365");
        assertEquals(0, parent.exitCode(), "an album with only sub-albums: " + parent.err());
        CommandRun nested = run("share", "albums/2026 summer/beach", "--days", "7");
        assertEquals(0, nested.exitCode(), nested.err());

        assertEquals(List.of("2026 autumn", "2026 summer", "2026 summer/beach"),
                links.list().stream().map(ShareLinks.Share::album).sorted().toList());
        assertEquals(3, rebuildRequests());
    }

    @Test
    void shareRefusesWhatIsNoAlbumAndSuggestsTheClosest() {
        String bucket = stack.bucketName("SourceBucket");
        upload("albums/2026 summer/beach/IMG_1.jpg");
        upload("albums/2026 summer/dunes/IMG_2.jpg");
        upload("albums/2026 summer/IMG_3.jpg");
        upload("albums/2026 summer/dune/IMG_4.jpg");
        upload("albums/winter/IMG_5.jpg");

        assertRefused(run("share", "2026 summer/beech", "--days", "1"), "There is no album \"2026 summer/beech\": no photo of it"
                + " in the catalog and nothing under albums/2026 summer/beech/ in " + bucket + ". Did you mean \"2026 summer/beach\"?");
        assertRefused(run("share", "2026 Summer", "--days", "1"), "There is no album \"2026 Summer\": no photo of it"
                + " in the catalog and nothing under albums/2026 Summer/ in " + bucket + ". Did you mean \"2026 summer\"?");
        assertRefused(run("share", "2062 summer/beach", "--days", "1"), "There is no album \"2062 summer/beach\": no photo of it"
                + " in the catalog and nothing under albums/2062 summer/beach/ in " + bucket + ". Did you mean \"2026 summer\"?");
        assertRefused(run("share", "2026 summer/d", "--days", "1"), "There is no album \"2026 summer/d\": no photo of it"
                + " in the catalog and nothing under albums/2026 summer/d/ in " + bucket + ". Name the album's folder, e.g."
                + " \"2026 summer/beach\".");
        CommandRun twoClose = run("share", "2026 summer/dunez", "--days", "1");
        assertTrue(twoClose.err().endsWith(". Did you mean \"2026 summer/dune\", \"2026 summer/dunes\"?\n"), twoClose.err());
        CommandRun parentOfFile = run("share", "2026 summer/IMG_3.jpg", "--days", "1");
        assertTrue(parentOfFile.err().startsWith("There is no album \"2026 summer/IMG_3.jpg\""), "a photo is no album");
        CommandRun dots = run("share", "../secrets", "--days", "1");
        assertTrue(dots.err().startsWith("There is no album \"../secrets\""), dots.err());

        assertRefused(run("share", "albums/", "--days", "1"), "Name the album: its folder under albums/, e.g. \"2026 summer\" or"
                + " \"2026 summer/beach\".");
        assertRefused(run("share", "2026 summer", "--days", "0"), "A guest link lasts from 1 to 365 days, not 0.");
        assertRefused(run("share", "2026 summer", "--days", "366"), "A guest link lasts from 1 to 365 days, not 366.");
        assertRefused(run("share", "2026 summer", "--days", "-3"), "A guest link lasts from 1 to 365 days, not -3.");
        assertEquals(2, run("share", "2026 summer").exitCode(), "--days is required");
        assertEquals(2, run("share", "2026 summer", "--days", "two").exitCode());
        assertEquals(2, run("share", "--days", "2").exitCode(), "the album is required");

        assertEquals(List.of(), links.list(), "no link made");
        assertEquals(0, rebuildRequests());
    }

    @Test
    void theSiteAddressIsGivenElseTheStacksOutput() {
        upload("albums/2026 summer/IMG_1.jpg");
        CommandRun given = run("share", "2026 summer", "--days", "1", "--site-url", "https://photos.example.org/");
        assertEquals(0, given.exitCode(), given.err());
        assertTrue(given.out().matches("(?s)https://photos\\.example\\.org/login/share/" + TOKEN + "\n.*"), given.out());

        assertRefused(run("share", "2026 summer", "--days", "1", "--site-url", "photos.example.org"),
                "Not a site address: \"photos.example.org\". Give it as https://HOST, e.g. --site-url https://photos.example.org.");
        assertRefused(run("share", "2026 summer", "--days", "1", "--site-url", "ftp://photos.example.org"),
                "Not a site address: \"ftp://photos.example.org\". Give it as https://HOST, e.g. --site-url https://photos.example.org.");

        CommandRun noOutput = CommandRun.of(LocalStackServices.withoutSiteUrl(stack), "", "share", "2026 summer", "--days", "1");
        assertRefused(noOutput, "Stack \"family-gallery\" has no SiteUrl output: give --site-url.");
        CommandRun namedInstead = CommandRun.of(LocalStackServices.withoutSiteUrl(stack), "", "share", "2026 summer", "--days", "1",
                "--site-url", "http://localhost:8080");
        assertTrue(namedInstead.out().startsWith("http://localhost:8080/login/share/"), namedInstead.out() + namedInstead.err());

        assertEquals(2, links.list().size(), "a link only when its address is known");
        assertEquals(2, rebuildRequests());
    }

    @Test
    void onThePreviewTheLinkHasThePreviewsAddress(@TempDir Path data) throws IOException {
        // What a running preview keeps in its data folder: this process stands for it.
        Properties running = new Properties();
        running.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        running.setProperty("region", stack.region());
        running.setProperty("accessKeyId", stack.credentials().accessKeyId());
        running.setProperty("secretAccessKey", stack.credentials().secretAccessKey());
        running.setProperty("endpoint.s3", stack.s3Endpoint().toString());
        running.setProperty("endpoint.sqs", stack.sqsEndpoint().toString());
        running.setProperty("endpoint.dynamodb", stack.dynamoDbEndpoint().toString());
        LocalStackServices.resourceIds(stack).forEach((logicalId, name) -> running.setProperty("resource." + logicalId, name));
        running.setProperty("output.SiteUrl", "http://127.0.0.1:8123");
        try (Writer writer = Files.newBufferedWriter(data.resolve(PreviewServices.FILE), StandardCharsets.UTF_8)) {
            running.store(writer, null);
        }
        upload("albums/2026 summer/IMG_1.jpg");

        CommandRun shared = run("share", "2026 summer", "--days", "2", "--preview", data.toString());
        assertEquals(0, shared.exitCode(), shared.err());
        Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:8123/login/share/" + TOKEN + "\n").matcher(shared.out());
        assertTrue(link.lookingAt(), shared.out());
        assertInstanceOf(ShareLinks.Valid.class, links.open(link.group(1)));

        CommandRun grouped = run("group", "add", "family", "ann", "--preview", data.toString());
        assertEquals(0, grouped.exitCode(), grouped.err());
        assertEquals(Set.of(GroupName.of("family")), groupsOf("ann"));
        assertTrue(run("shares", "--preview", data.toString()).out().startsWith(link.group(2) + "  \"2026 summer\""));
        assertEquals(2, rebuildRequests());
    }

    @Test
    void signingOutEveryoneSetsTheCutOffThatEndsEarlierSessions() {
        Instant before = Instant.now().minusSeconds(1);
        CommandRun out = run("sign-out-everyone");
        assertEquals(0, out.exitCode(), out.err());
        assertTrue(out.out().startsWith("Every session begun until now is over"), out.out());
        assertTrue(accounts.sessionsNotBefore().orElseThrow().isAfter(before));
    }

    @Test
    void closenessIsTheEditDistance() {
        assertEquals(0, AccessCommands.distance("beach", "beach"));
        assertEquals(1, AccessCommands.distance("beach", "beech"));
        assertEquals(2, AccessCommands.distance("2062", "2026"));
        assertEquals(5, AccessCommands.distance("", "dunes"));
        assertEquals(3, AccessCommands.distance("kitten", "sitting"));
        assertFalse(AccessCommands.distance("winter", "2026 summer") <= 3);
    }
}
