package family.gallery.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;

import family.gallery.accounts.AlbumZips;
import family.gallery.accounts.GroupName;
import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.SiteAccess;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;
import family.gallery.localaws.LocalAws;

/**
 * Who sees what, through the local edge exactly as a browser meets it: two viewers in different
 * groups and a guest link, each fetching every page and every photo of the published site, copied
 * URLs included. What opens is exactly what the albums' {@code viewers:} and the link allow.
 */
@ExtendWith(RunningPreview.class)
class SharingTest {

    private static final String PARTY = "Sharing party";
    private static final String PARENTS_ONLY = PARTY + "/Parents only";
    private static final String GAMES = PARTY + "/Games";
    private static final String KIDS = "Sharing kids";
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern ALBUM_TITLE = Pattern.compile("class=\"album-title\">([^<]+)<");

    @Test
    void eachViewerAndGuestOpensExactlyWhatTheRulesAllow(Preview preview, @TempDir Path pictures) throws Exception {
        LocalAws stack = preview.stack();
        String accountsTable = stack.tableName("AccountsTable");
        ViewerAccounts accounts = new ViewerAccounts(stack.dynamoDb(), accountsTable, Clock.systemUTC());
        String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
        accounts.add(ViewerName.of("ann"), hash);
        accounts.addToGroup(GroupName.of("family"), ViewerName.of("ann"));
        accounts.add(ViewerName.of("bob"), hash);
        accounts.addToGroup(GroupName.of("friends"), ViewerName.of("bob"));
        ShareLinks links = new ShareLinks(stack.dynamoDb(), accountsTable, Clock.systemUTC());
        ShareLinks.NewShare guestLink = links.create(PARTY, Duration.ofDays(14), false);
        ShareLinks.NewShare revoked = links.create(PARTY, Duration.ofDays(14), false);
        links.revoke(revoked.share().id());
        ShareLinks.NewShare expired = new ShareLinks(stack.dynamoDb(), accountsTable,
                Clock.fixed(Instant.now().minus(Duration.ofDays(20)), ZoneOffset.UTC)).create(PARTY, Duration.ofDays(14), false);

        upload(stack, pictures, PARTY, 2, "viewers: [family, friends]\n");
        upload(stack, pictures, PARENTS_ONLY, 1, "viewers: parents\n");
        upload(stack, pictures, GAMES, 1, null);
        upload(stack, pictures, KIDS, 1, "viewers: family\n");
        String guestHome = SiteAccess.sharePrefix(guestLink.share().id()) + SiteAccess.HOME;
        RunningPreview.awaitSettled(preview);
        awaitPublished(stack, guestHome);

        GalleryClient ann = signedIn(preview, "ann");
        GalleryClient bob = signedIn(preview, "bob");
        GalleryClient guest = new GalleryClient(preview.siteUrl());
        HttpResponse<String> opened = guest.get("/login/share/" + guestLink.token());
        assertEquals(303, opened.statusCode(), opened.body());
        assertEquals(List.of("/" + SiteAccess.sharePrefix(guestLink.share().id()), "/login"), guest.cookiePaths());

        Map<String, GalleryClient> identities = Map.of("ann", ann, "bob", bob, "guest", guest);
        Map<String, List<String>> prefixes = Map.of(
                "ann", SiteAccess.viewerPrefixes(List.of(GroupName.of("family"))),
                "bob", SiteAccess.viewerPrefixes(List.of(GroupName.of("friends"))),
                "guest", List.of(SiteAccess.sharePrefix(guestLink.share().id())));
        List<String> published = new ArrayList<>();
        stack.s3().listObjectsV2Paginator(r -> r.bucket(stack.bucketName("WebBucket"))).contents()
                .forEach(object -> published.add(object.key()));
        assertTrue(published.stream().anyMatch(key -> key.startsWith("a/family/media/")), "the kids' photos for the family");
        assertTrue(published.stream().anyMatch(key -> key.startsWith("a/friends/media/")), "the party for friends");
        assertFalse(published.stream().anyMatch(key -> key.startsWith("a/parents/")), "no viewer is a parent: nothing to copy");

        List<String> wrong = new ArrayList<>();
        int fetched = 0;
        for (String key : published) {
            if (key.startsWith("assets/")) {
                continue; // styles and scripts are public
            }
            if (AlbumZips.isManifest(key)) {
                // Read by the login and zip functions only: the distribution sends zips/ paths to the zip bucket.
                for (GalleryClient client : identities.values()) {
                    int status = client.get("/" + encode(key)).statusCode();
                    fetched++;
                    if (status == 200) {
                        wrong.add("a manifest served: " + key);
                    }
                }
                continue;
            }
            for (Map.Entry<String, GalleryClient> identity : identities.entrySet()) {
                boolean allowed = prefixes.get(identity.getKey()).stream().anyMatch(key::startsWith);
                int status = identity.getValue().get("/" + encode(key)).statusCode();
                fetched++;
                if ((status == 200) != allowed) {
                    wrong.add(identity.getKey() + " " + key + " -> " + status);
                }
            }
        }
        assertEquals(List.of(), wrong, "every object of the site, fetched by each identity (" + fetched + " requests)");
        System.out.printf("who sees what: %d objects of the site fetched by 3 identities (%d requests), each allowed exactly its own%n",
                fetched / identities.size(), fetched);

        assertEquals(Set.of(PARTY, KIDS, "Games"), albumsReachable(ann, ann.home()),
                "the family: the party and the kids, not the parents' album");
        assertEquals(Set.of(PARTY, "Games"), albumsReachable(bob, bob.home()), "friends: the party only");
        Set<String> guestAlbums = albumsReachable(guest, guest.home());
        assertEquals(Set.of(PARTY, "Games"), guestAlbums, "the guest: the shared album and the sub-album that inherits");
        String guestParty = guest.get(guest.albumPage(PARTY)).body();
        assertTrue(guestParty.contains("3 photos, 1 album"), "counts without the parents' photo: " + guestParty);
        assertFalse(guestParty.contains("/v/") || guestParty.contains("/a/"), "a guest page links only inside its link");

        for (ShareLinks.NewShare dead : List.of(revoked, expired)) {
            GalleryClient stranger = new GalleryClient(preview.siteUrl());
            HttpResponse<String> refused = stranger.get("/login/share/" + dead.token());
            assertTrue(refused.statusCode() == 404 || refused.statusCode() == 410, refused.statusCode() + " " + refused.body());
            assertEquals(List.of(), stranger.cookiePaths(), "a dead link gives no cookie");
            assertEquals(403, stranger.get("/" + SiteAccess.sharePrefix(dead.share().id()) + SiteAccess.HOME).statusCode());
        }
        String forged = guestLink.share().id() + "." + "A".repeat(43);
        assertEquals(404, new GalleryClient(preview.siteUrl()).get("/login/share/" + forged).statusCode());
    }

    /**
     * The titles of every album reachable from the home page by the links of the pages; on the way,
     * every photo a page shows must open for this visitor.
     */
    private static Set<String> albumsReachable(GalleryClient client, String home) {
        Set<String> titles = new TreeSet<>();
        List<String> pending = new ArrayList<>(List.of(home));
        Set<String> seen = new TreeSet<>();
        while (!pending.isEmpty()) {
            String page = pending.remove(0);
            if (!seen.add(page)) {
                continue;
            }
            HttpResponse<String> response = client.get(page);
            assertEquals(200, response.statusCode(), page);
            ALBUM_TITLE.matcher(response.body()).results().forEach(match -> titles.add(match.group(1).strip()));
            Pattern.compile("<img[^>]* src=\"([^\"]+)\"").matcher(response.body()).results().forEach(image -> {
                String src = URI.create(page).resolve(image.group(1)).getRawPath();
                assertEquals(200, client.get(src).statusCode(), page + " shows " + src);
            });
            Pattern.compile("href=\"([^\"#]*albums/[^\"#]*index\\.html)\"").matcher(response.body()).results()
                    .forEach(link -> pending.add(URI.create(page).resolve(link.group(1)).getRawPath()));
        }
        titles.removeIf(title -> !Set.of(PARTY, KIDS, "Games", "Parents only").contains(title));
        return titles;
    }

    private static GalleryClient signedIn(Preview preview, String name) {
        GalleryClient client = new GalleryClient(preview.siteUrl());
        assertEquals(303, client.signIn(name, PASSWORD).statusCode());
        return client;
    }

    private static void upload(LocalAws stack, Path pictures, String album, int photos, String albumYml) throws Exception {
        Path folder = Files.createDirectories(pictures.resolve(album.replace('/', '_')));
        SampleAlbums.writeSeries(folder, photos);
        String bucket = stack.bucketName("SourceBucket");
        if (albumYml != null) {
            stack.s3().putObject(r -> r.bucket(bucket).key("albums/" + album + "/album.yml"), RequestBody.fromString(albumYml));
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                stack.s3().putObject(r -> r.bucket(bucket).key("albums/" + album + "/" + file.getFileName()), file);
            }
        }
    }

    private static void awaitPublished(LocalAws stack, String key) {
        Instant deadline = Instant.now().plus(RunningPreview.SETTLE_TIMEOUT);
        while (stack.s3().listObjectsV2(r -> r.bucket(stack.bucketName("WebBucket")).prefix(key)).keyCount() == 0) {
            assertTrue(Instant.now().isBefore(deadline), key + " not published after " + RunningPreview.SETTLE_TIMEOUT);
            RunningPreview.sleep(Duration.ofMillis(500));
        }
    }

    private static String encode(String key) {
        return family.gallery.site.render.SitePaths.encodePath(key);
    }
}
