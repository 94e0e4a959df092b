package family.gallery.site.model;

import static family.gallery.site.model.CatalogPhotos.failed;
import static family.gallery.site.model.CatalogPhotos.ready;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
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
    void aCoverThatIsNotInTheAlbumIsReportedAndTheFirstPhotoStandsIn() {
        Gallery gallery = NEWEST_FIRST.assemble(List.of(ready("trip", "a.jpg")), yml("trip", "cover: missing.jpg"));
        assertEquals("a.jpg", gallery.topLevel().get(0).cover().fileName());
        assertEquals(List.of(new BuildIssue(Kind.MALFORMED_ALBUM_YML, "albums/trip/album.yml",
                "cover 'missing.jpg' is not a photo shown in this album")), gallery.issues());
    }

    private static List<String> fileNames(Gallery gallery) {
        return gallery.topLevel().get(0).photos().stream().map(Photo::fileName).toList();
    }

    private static List<String> topLevel(Gallery gallery) {
        return gallery.topLevel().stream().map(Album::path).toList();
    }
}
