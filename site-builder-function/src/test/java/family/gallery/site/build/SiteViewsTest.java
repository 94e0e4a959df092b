package family.gallery.site.build;

import static family.gallery.site.model.CatalogPhotos.ready;
import static family.gallery.site.model.CatalogPhotos.video;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import family.gallery.accounts.GroupName;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.SiteAccess;
import family.gallery.site.model.AlbumYaml;
import family.gallery.site.model.BuildIssue;
import family.gallery.site.model.CatalogPhoto;
import family.gallery.site.model.GalleryAssembler;
import family.gallery.site.model.GalleryAssembler.AlbumOrder;
import family.gallery.site.render.SiteView;

class SiteViewsTest {

    private static final GalleryAssembler ASSEMBLER = new GalleryAssembler(AlbumOrder.NEWEST_FIRST);
    private static final List<CatalogPhoto> CATALOG = List.of(ready("open", "o.jpg"), ready("party", "p.jpg"),
            video("party", "clip.mp4", 1920, 1080, LocalDateTime.of(2026, 7, 1, 12, 0), Duration.ofSeconds(4)),
            ready("party/medical", "scan.jpg"), ready("cousins", "c.jpg"));
    private static final Map<String, AlbumYaml.Parsed> YML = Map.of(
            "party", AlbumYaml.parse("viewers: [family, friends]"),
            "party/medical", AlbumYaml.parse("viewers: parents"),
            "cousins", AlbumYaml.parse("viewers: [cousins, family]"));

    private static SortedSet<GroupName> groups(String... names) {
        TreeSet<GroupName> groups = new TreeSet<>();
        for (String name : names) {
            groups.add(GroupName.of(name));
        }
        return groups;
    }

    private static ShareLinks.Share share(String id, String album) {
        Instant now = Instant.now();
        return new ShareLinks.Share(id, album, now, now.plus(Duration.ofDays(1)), false, Optional.empty(), Optional.empty());
    }

    private static SiteViews.Plan plan(List<SortedSet<GroupName>> viewers, List<ShareLinks.Share> shares) {
        return SiteViews.plan(ASSEMBLER, CATALOG, YML, ASSEMBLER.assemble(CATALOG, YML), new AccessSource.Access(viewers, shares),
                false);
    }

    @Test
    void oneViewPerCombinationOfGroupsAlwaysOneForViewersInNoGroupAndOnePerGuestLink() {
        SiteViews.Plan plan = plan(List.of(groups("family"), groups("friends"), groups("family")),
                List.of(share("aaaaaaaaaaaa", "party"), share("bbbbbbbbbbbb", "gone")));
        assertEquals(List.of(SiteAccess.viewPrefix(Set.of()), SiteAccess.viewPrefix(groups("family")),
                SiteAccess.viewPrefix(groups("friends")), SiteAccess.sharePrefix("aaaaaaaaaaaa")),
                plan.views().stream().map(SiteView::prefix).toList());
        assertEquals(Map.of(share("aaaaaaaaaaaa", "party").id(), true, "bbbbbbbbbbbb", false),
                plan.sharesPublished().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        entry -> entry.getKey().id(), Map.Entry::getValue)));
        assertTrue(plan.issues().stream().anyMatch(issue -> issue.kind() == BuildIssue.Kind.GUEST_LINK
                && issue.subject().equals("gone") && issue.message().contains("bbbbbbbbbbbb")), plan.issues().toString());
    }

    @Test
    void originalsArePublishedOnlyWhereTheStackAndTheAlbumAllowAndNeverToGuests() {
        Map<String, AlbumYaml.Parsed> yml = new java.util.HashMap<>(YML);
        yml.put("party", AlbumYaml.parse("viewers: [family, friends]\noriginals: true"));
        AccessSource.Access access = new AccessSource.Access(List.of(groups("family")), List.of(share("aaaaaaaaaaaa", "party")));
        SiteViews.Plan allowed = SiteViews.plan(ASSEMBLER, CATALOG, yml, ASSEMBLER.assemble(CATALOG, yml), access, true);
        String folder = CATALOG.get(1).renditions().get(0).key().replaceFirst("[^/]+$", "");
        String videoFolder = CATALOG.get(2).renditions().get(0).key().replaceFirst("[^/]+$", "");
        assertEquals(Map.of("a/family/" + folder + "original/p.jpg", "albums/party/p.jpg",
                "a/family/" + videoFolder + "original/clip.mp4", "albums/party/clip.mp4"), allowed.originals(),
                "the party album's photo and video for the family, nothing for the guest link, nothing of other albums");
        assertEquals(Map.of(), SiteViews.plan(ASSEMBLER, CATALOG, yml, ASSEMBLER.assemble(CATALOG, yml), access, false)
                .originals(), "the stack does not allow originals");
        assertEquals(Map.of(), plan(List.of(groups("family")), List.of()).originals(), "no album asks for them");
    }

    @Test
    void mediaAreCopiedUnderEachPrefixThatLinksToThemAndNowhereElse() {
        SiteViews.Plan plan = plan(List.of(groups("family"), groups("friends")), List.of(share("aaaaaaaaaaaa", "party")));
        Map<String, String> media = plan.media();
        CatalogPhoto partyPhoto = CATALOG.get(1);
        String rendition = partyPhoto.renditions().get(0).key();
        assertEquals(rendition, media.get("a/family/" + rendition));
        assertEquals(rendition, media.get("a/friends/" + rendition));
        assertEquals(rendition, media.get("g/aaaaaaaaaaaa/" + rendition));
        assertFalse(media.containsKey("a/everyone/" + rendition), "the party is not open to everyone");
        String webVersion = CATALOG.get(2).video().webVersion().key();
        assertEquals(webVersion, media.get("a/friends/" + webVersion), "a video's web version goes with its poster");
        String scan = CATALOG.get(3).renditions().get(0).key();
        assertTrue(media.keySet().stream().noneMatch(key -> key.endsWith(scan)), "no viewer is a parent: " + media.keySet());
        String open = CATALOG.get(0).renditions().get(0).key();
        assertEquals(Set.of("a/everyone/" + open), media.keySet().stream().filter(key -> key.endsWith(open))
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void groupsWithoutMembersAreReportedAndOpenNothing() {
        SiteViews.Plan plan = plan(List.of(groups("family")), List.of());
        List<BuildIssue> viewers = plan.issues().stream().filter(issue -> issue.kind() == BuildIssue.Kind.VIEWERS).toList();
        assertEquals(3, viewers.size(), viewers.toString());
        assertTrue(viewers.stream().anyMatch(issue -> issue.subject().equals("party/medical")
                && issue.message().contains("no viewer is in parents") && issue.message().endsWith("shown to nobody")),
                viewers.toString());
        assertTrue(viewers.stream().anyMatch(issue -> issue.subject().equals("party")
                && issue.message().contains("friends") && issue.message().endsWith("shown to family only")), viewers.toString());
    }
}
