package family.gallery.site.model;

import static family.gallery.site.model.CatalogPhotos.failed;
import static family.gallery.site.model.CatalogPhotos.ready;
import static family.gallery.site.model.CatalogPhotos.video;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import family.gallery.site.model.BuildIssue.Kind;
import family.gallery.site.model.GalleryAssembler.AlbumOrder;

class GalleryAssemblerTest {

    private static final GalleryAssembler NEWEST_FIRST = new GalleryAssembler(AlbumOrder.NEWEST_FIRST);

    private static LocalDateTime day(int month, int day) {
        return LocalDateTime.of(2026, month, day, 12, 0);
    }

    private static Map<String, AlbumYaml.Parsed> yml(String album, String text) {
        return Map.of(album, AlbumYaml.parse(text));
    }

    @Test
    void leavesOutFailedPhotosAndEmptyAlbumsAndReportsThem() {
        Gallery gallery = NEWEST_FIRST.assemble(List.of(
                ready("trip", "ok.jpg"),
                failed("trip", "broken.jpg", "not an image: truncated JPEG"),
                failed("only failures", "zero.jpg", "empty file")), yml("described only", "title: Nothing here"));
        assertEquals(List.of("trip"), gallery.allAlbums().stream().map(Album::path).toList());
        assertEquals(List.of("ok.jpg"), gallery.topLevel().get(0).photos().stream().map(Photo::fileName).toList());
        assertEquals(List.of(
                new BuildIssue(Kind.FAILED_PHOTO, "albums/trip/broken.jpg", "not an image: truncated JPEG"),
                new BuildIssue(Kind.FAILED_PHOTO, "albums/only failures/zero.jpg", "empty file"),
                new BuildIssue(Kind.EMPTY_ALBUM, "described only", "no photos to show"),
                new BuildIssue(Kind.EMPTY_ALBUM, "only failures", "no photos to show")), gallery.issues());
    }

    @Test
    void nestsAlbumsUnderTheirParentsEvenWhenTheParentHasNoPhotos() {
        Gallery gallery = NEWEST_FIRST.assemble(List.of(
                ready("2026/summer/beach", "b.jpg", 3000, 2000, day(7, 20)),
                ready("2026/summer", "s.jpg", 3000, 2000, day(7, 1)),
                ready("2026/spring", "p.jpg", 3000, 2000, day(4, 1))), Map.of());
        assertEquals(List.of("2026", "2026/summer", "2026/summer/beach", "2026/spring"),
                gallery.allAlbums().stream().map(Album::path).toList());
        Album year = gallery.topLevel().get(0);
        assertEquals(List.of(), year.photos());
        assertEquals("s.jpg", year.cover().fileName(), "the cover of a photo-less album is its first sub-album's");
        assertEquals(LocalDate.of(2026, 4, 1), year.from());
        assertEquals(LocalDate.of(2026, 7, 20), year.to());
        assertEquals(3, year.totalPhotos());
        assertEquals(List.of("2026", "2026/summer"), gallery.allAlbums().get(2).ancestorPaths());
    }

    @Test
    void hiddenAlbumsDisappearWithTheirSubAlbums() {
        Gallery gallery = NEWEST_FIRST.assemble(List.of(ready("secret", "a.jpg"), ready("secret/inner", "b.jpg"),
                ready("open", "c.jpg")), yml("secret", "hidden: true"));
        assertEquals(List.of("open"), gallery.allAlbums().stream().map(Album::path).toList());
        assertEquals(List.of(new BuildIssue(Kind.HIDDEN_ALBUM, "secret", "hidden by album.yml, with its sub-albums")),
                gallery.issues());
    }

    @Test
    void sortsPhotosByTakenAtThenName() {
        Gallery gallery = NEWEST_FIRST.assemble(List.of(
                ready("a", "undated.jpg", 10, 10, null), ready("a", "late.jpg", 10, 10, day(8, 1)),
                ready("a", "B-early.jpg", 10, 10, day(1, 1)), ready("a", "a-early.jpg", 10, 10, day(1, 1))), Map.of());
        assertEquals(List.of("a-early.jpg", "B-early.jpg", "late.jpg", "undated.jpg"), fileNames(gallery));
    }

    @Test
    void sortsPhotosByNameOrByAnExplicitList() {
        List<CatalogPhoto> photos = List.of(ready("a", "c.jpg", 10, 10, day(1, 1)), ready("a", "b.jpg", 10, 10, day(2, 1)),
                ready("a", "A.jpg", 10, 10, day(3, 1)), ready("a", "d.jpg", 10, 10, day(4, 1)));
        assertEquals(List.of("A.jpg", "b.jpg", "c.jpg", "d.jpg"), fileNames(NEWEST_FIRST.assemble(photos, yml("a", "sort: name"))));
        assertEquals(List.of("d.jpg", "b.jpg", "c.jpg", "A.jpg"),
                fileNames(NEWEST_FIRST.assemble(photos, yml("a", "sort: [d.jpg, b.jpg, gone.jpg]"))));
    }

    @Test
    void ordersAlbumsNewestFirstUnlessConfigured() {
        List<CatalogPhoto> photos = List.of(ready("old", "a.jpg", 10, 10, day(1, 1)),
                ready("new", "b.jpg", 10, 10, day(9, 1)), ready("undated", "c.jpg", 10, 10, null));
        assertEquals(List.of("new", "old", "undated"), topLevel(NEWEST_FIRST.assemble(photos, Map.of())));
        assertEquals(List.of("old", "new", "undated"),
                topLevel(new GalleryAssembler(AlbumOrder.OLDEST_FIRST).assemble(photos, Map.of())));
        assertEquals(List.of("new", "old", "undated"),
                topLevel(new GalleryAssembler(AlbumOrder.NAME).assemble(photos, Map.of())));
        assertEquals(List.of("undated", "new", "old"),
                topLevel(NEWEST_FIRST.assemble(photos, yml("undated", "date: 2027-01-01"))));
    }

    @Test
    void appliesTitleCoverCaptionsAndDateFromAlbumYml() {
        Gallery gallery = NEWEST_FIRST.assemble(List.of(ready("trip", "a.jpg", 10, 10, day(1, 1)),
                ready("trip", "b.jpg", 10, 10, day(1, 2))), yml("trip", """
                title: The trip
                date: 2025-12-31
                cover: b.jpg
                captions: {a.jpg: First light}
                """));
        Album album = gallery.topLevel().get(0);
        assertEquals("The trip", album.title());
        assertEquals("b.jpg", album.cover().fileName());
        assertEquals("First light", album.photos().get(0).caption());
        assertNull(album.photos().get(1).caption());
        assertEquals(LocalDate.of(2025, 12, 31), album.from());
        assertEquals(album.from(), album.to());
    }

    @Test
    void aPhotosOwnCaptionShowsUnlessAlbumYmlHasOneOrIgnoresThem() {
        List<CatalogPhoto> photos = List.of(captioned("trip", "a.jpg", "Written in the camera"),
                captioned("trip", "b.jpg", "Written in the editor"), ready("trip", "c.jpg"),
                captioned("boilerplate", "d.jpg", "DIGITAL CAMERA"));
        Gallery gallery = NEWEST_FIRST.assemble(photos, Map.of("trip", AlbumYaml.parse("captions: {b.jpg: Ours}"),
                "boilerplate", AlbumYaml.parse("embedded-captions: false")));
        Map<String, String> captions = new HashMap<>();
        gallery.topLevel().forEach(album -> album.photos().forEach(photo -> captions.put(photo.fileName(),
                String.valueOf(photo.caption()))));
        assertEquals(Map.of("a.jpg", "Written in the camera", "b.jpg", "Ours", "c.jpg", "null", "d.jpg", "null"), captions);
    }

    private static CatalogPhoto captioned(String album, String fileName, String caption) {
        CatalogPhoto photo = ready(album, fileName);
        return new CatalogPhoto(album, fileName, photo.width(), photo.height(), photo.renditions(), caption,
                photo.takenAt(), photo.offset(), photo.details(), null, null);
    }

    @Test
    void aCoverThatIsNotInTheAlbumIsReportedAndTheFirstPhotoStandsIn() {
        Gallery gallery = NEWEST_FIRST.assemble(List.of(ready("trip", "a.jpg")), yml("trip", "cover: missing.jpg"));
        assertEquals("a.jpg", gallery.topLevel().get(0).cover().fileName());
        assertEquals(List.of(new BuildIssue(Kind.MALFORMED_ALBUM_YML, "albums/trip/album.yml",
                "cover 'missing.jpg' is not a photo shown in this album")), gallery.issues());
    }

    @Test
    void videosTakeTheirPlaceAmongThePhotosByDateAndAreCountedApart() {
        Gallery gallery = NEWEST_FIRST.assemble(List.of(
                ready("trip", "late.jpg", 4000, 3000, day(7, 3)),
                video("trip", "clip.mp4", 1920, 1080, day(7, 2), Duration.ofSeconds(42)),
                ready("trip", "early.jpg", 4000, 3000, day(7, 1)),
                video("trip/inner", "inner.mov", 1080, 1920, day(7, 4), Duration.ofMinutes(2))), Map.of());
        Album trip = gallery.topLevel().get(0);
        assertEquals(List.of("early.jpg", "clip.mp4", "late.jpg"), fileNames(gallery));
        Photo clip = trip.photos().get(1);
        assertTrue(clip.isVideo());
        assertFalse(trip.photos().get(0).isVideo());
        assertEquals(Duration.ofSeconds(42), clip.video().duration());
        assertEquals(new Rendition(clip.video().webVersion().key(), 1920, 1080), clip.video().webVersion());
        assertEquals(2, trip.totalPhotos());
        assertEquals(2, trip.totalVideos());
        assertEquals(4, gallery.photoCount(), "the build report counts photos and videos");
    }

    @Test
    void aLivePhotosMotionIsPartOfItsPhotoAndNotAnItemOfItsOwn() {
        Gallery gallery = NEWEST_FIRST.assemble(List.of(
                ready("trip", "IMG_2041.HEIC"),
                video("trip", "IMG_2041.MOV", 1440, 1080, day(7, 14), Duration.ofMillis(2900)),
                ready("trip", "img_2042.jpg"),
                video("trip", "IMG_2042.mov", 1440, 1080, day(7, 14), Duration.ofMillis(2900)),
                failed("trip", "IMG_2043.HEIC", "truncated HEIC"),
                video("trip", "IMG_2043.MOV", 1440, 1080, day(7, 14), Duration.ofMillis(2900)),
                video("trip", "IMG_2044.MOV", 1920, 1080, day(7, 15), Duration.ofSeconds(20)),
                ready("trip", "IMG_2045.HEIC"),
                failed("trip", "IMG_2045.MOV", "not a video"),
                video("trip", "IMG_2041.mp4", 1920, 1080, day(7, 16), Duration.ofSeconds(5)),
                video("elsewhere", "IMG_2041.MOV", 1440, 1080, day(7, 14), Duration.ofMillis(2900))), Map.of());
        Album trip = gallery.allAlbums().stream().filter(album -> album.path().equals("trip")).findFirst().orElseThrow();
        assertEquals(List.of("IMG_2041.HEIC", "img_2042.jpg", "IMG_2045.HEIC", "IMG_2044.MOV", "IMG_2041.mp4"),
                trip.photos().stream().map(Photo::fileName).toList(), "a MOV without a photo of its name is a video");
        assertEquals(3, trip.totalPhotos());
        assertEquals(2, trip.totalVideos());
        assertEquals(List.of(new BuildIssue(Kind.FAILED_PHOTO, "albums/trip/IMG_2043.HEIC", "truncated HEIC"),
                new BuildIssue(Kind.FAILED_PHOTO, "albums/trip/IMG_2045.MOV", "not a video")), gallery.issues(),
                "the motion of a failed photo is not shown in its place");
        Map<String, Rendition> motions = new java.util.HashMap<>();
        trip.photos().forEach(photo -> motions.put(photo.fileName(), photo.motion()));
        assertTrue(motions.get("IMG_2041.HEIC").key().endsWith("/1440x1080.mp4"), "the photo plays its motion");
        assertTrue(motions.get("img_2042.jpg").key().endsWith("/1440x1080.mp4"));
        assertNull(motions.get("IMG_2045.HEIC"), "a motion that failed is not played");
        assertNull(motions.get("IMG_2044.MOV"));
        Album elsewhere = gallery.allAlbums().stream().filter(album -> album.path().equals("elsewhere")).findFirst().orElseThrow();
        assertEquals(1, elsewhere.totalVideos(), "only a photo in the same album makes a MOV its motion");
    }

    /** A family's albums: a party for family and friends with a sub-album for parents only, kids' photos for the family. */
    private static final List<CatalogPhoto> FAMILY = List.of(ready("open", "o.jpg"),
            ready("party/medical", "scan.jpg", 10, 10, day(3, 1)), ready("party/games", "g.jpg", 10, 10, day(3, 2)),
            ready("kids", "k.jpg"), ready("kids/secret", "s.jpg"));
    private static final Map<String, AlbumYaml.Parsed> FAMILY_YML = Map.of(
            "party", AlbumYaml.parse("viewers: [family, friends]"),
            "party/medical", AlbumYaml.parse("viewers: parents"),
            "kids", AlbumYaml.parse("viewers: family"),
            "kids/secret", AlbumYaml.parse("viewers: friends"));

    private static List<String> paths(Gallery gallery) {
        return gallery.allAlbums().stream().map(Album::path).toList();
    }

    private static Gallery seenBy(String... groups) {
        return NEWEST_FIRST.assemble(FAMILY, FAMILY_YML,
                Audience.members(java.util.Arrays.stream(groups).map(family.gallery.accounts.GroupName::of).toList()));
    }

    @Test
    void eachViewerSeesOnlyTheAlbumsOpenToTheirGroupsWithCountsAndCoversOfThoseAlone() {
        assertEquals(List.of("open"), paths(seenBy()), "a viewer in no group sees what is open to everyone");
        Gallery friend = seenBy("friends");
        assertEquals(List.of("open", "party", "party/games"), paths(friend));
        Album party = friend.topLevel().get(1);
        assertEquals(1, party.totalPhotos(), "the parents' scan is not counted for a friend");
        assertEquals("g.jpg", party.cover().fileName(), "nor used as the cover");
        assertEquals(LocalDate.of(2026, 3, 2), party.from());
        assertEquals(List.of("kids", "open", "party", "party/games", "party/medical"), paths(seenBy("family", "parents")));
        assertEquals(List.of("open", "party", "party/games"), paths(seenBy("friends", "strangers")));
        assertFalse(paths(seenBy("friends")).contains("kids/secret"), "an album is seen only if its parent is");
        assertEquals(Viewers.groups(List.of(family.gallery.accounts.GroupName.of("parents"))),
                seenBy("parents", "family").allAlbums().stream().filter(a -> a.path().equals("party/medical")).findFirst()
                        .orElseThrow().viewers());
        assertEquals(6, NEWEST_FIRST.assemble(FAMILY, FAMILY_YML).allAlbums().size(), "the report's gallery has every album");
    }

    @Test
    void aGuestLinkShowsItsAlbumAndTheSubAlbumsThatDoNotChooseTheirOwnViewers() {
        Gallery guest = NEWEST_FIRST.assemble(FAMILY, FAMILY_YML, Audience.guests("party"));
        assertEquals(List.of("party", "party/games"), paths(guest));
        assertEquals(List.of("party/medical"), paths(NEWEST_FIRST.assemble(FAMILY, FAMILY_YML, Audience.guests("party/medical"))));
        assertEquals(List.of(), paths(NEWEST_FIRST.assemble(FAMILY, FAMILY_YML, Audience.guests("gone"))));
        assertEquals(List.of(), paths(NEWEST_FIRST.assemble(List.of(ready("secret/inner", "b.jpg")),
                yml("secret", "hidden: true"), Audience.guests("secret/inner"))), "below a hidden album, nothing is shared");
    }

    private static List<String> fileNames(Gallery gallery) {
        return gallery.topLevel().get(0).photos().stream().map(Photo::fileName).toList();
    }

    private static List<String> topLevel(Gallery gallery) {
        return gallery.topLevel().stream().map(Album::path).toList();
    }
}
