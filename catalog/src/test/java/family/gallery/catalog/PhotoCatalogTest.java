package family.gallery.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import family.gallery.ingest.Sequencers;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;

/** The catalog on DynamoDB Local, with the table as template.yaml defines it. */
class PhotoCatalogTest {

    // Tombstones expire from NOW on, and the local stack sweeps expired items: NOW must be recent.
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static LocalAws aws;
    private static PhotoCatalog catalog;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(LocalAwsConfig.forTests());
        catalog = new PhotoCatalog(aws.dynamoDb(), aws.tableName("CatalogTable"));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static PhotoEntry ready(PhotoId id, String sequencer, String eTag) {
        return PhotoEntry.ready(id, sequencer, eTag, 1800, 1200, TakenAt.uploaded(NOW), PhotoDetails.NONE,
                List.of(new Rendition("media/" + eTag + "/480x320.jpg", 480, 320, 1000)), NOW);
    }

    @Test
    void writesOnlyEverMoveForwardInSequencer() {
        PhotoId id = new PhotoId("order", "a.jpg");
        Recorded first = catalog.record(ready(id, "0066A1B2C3D4E5F601", "one"));
        assertTrue(first.applied());
        assertTrue(first.previous().isEmpty());
        assertTrue(first.changedSite());

        Recorded duplicate = catalog.record(ready(id, "0066A1B2C3D4E5F601", "one"));
        assertFalse(duplicate.applied(), "the same sequencer is not newer");

        Recorded newer = catalog.record(ready(id, "0066A1B2C3D4E5F60200", "two")); // longer, and newer once padded
        assertTrue(newer.applied());
        assertEquals(Optional.of("one"), newer.previous().orElseThrow().eTag());

        Recorded late = catalog.record(ready(id, "0066A1B2C3D4E5F601FF", "late"));
        assertFalse(late.applied());
        assertEquals(Optional.of("two"), late.previous().map(e -> e.eTag().orElseThrow()), "the stored entry comes back");
        assertEquals(Optional.of("two"), catalog.find(id).orElseThrow().eTag());
    }

    @Test
    void tombstonesHideDeletedPhotosAndBlockOlderEvents() {
        PhotoId kept = new PhotoId("trip", "kept.jpg");
        PhotoId deleted = new PhotoId("trip", "deleted.jpg");
        PhotoId nested = new PhotoId("trip/day 1", "nested.jpg");
        catalog.record(ready(kept, "10", "k"));
        catalog.record(ready(deleted, "10", "d"));
        catalog.record(ready(nested, "10", "n"));

        Recorded tombstone = catalog.record(PhotoEntry.tombstone(deleted, "11", NOW));
        assertTrue(tombstone.applied());
        assertTrue(tombstone.changedSite());
        assertFalse(catalog.record(ready(deleted, "10", "d")).applied(), "a late creation cannot resurrect");
        assertFalse(catalog.record(PhotoEntry.tombstone(new PhotoId("trip", "never.jpg"), "01", NOW)).changedSite(),
                "deleting an unknown photo changes nothing on the site");

        assertEquals(List.of("kept.jpg"), catalog.album("trip").stream().map(e -> e.id().fileName()).toList());
        Set<PhotoId> everywhere = catalog.photos().stream().map(PhotoEntry::id).collect(Collectors.toSet());
        assertTrue(everywhere.containsAll(Set.of(kept, nested)));
        assertFalse(everywhere.contains(deleted));
        assertEquals(PhotoStatus.DELETED, catalog.find(deleted).orElseThrow().status());
    }

    private String sequencerAfter(PhotoId id) {
        return catalog.sequencersAfter(id.album()).getOrDefault(id.fileName(), PhotoCatalog.sequencerWithoutEntry());
    }

    @Test
    void aReprocessReplacesTheStoredEntryButNeverALaterUpload() {
        PhotoId id = new PhotoId("again", "broken.jpg");
        String first = sequencerAfter(id);
        assertTrue(catalog.record(PhotoEntry.failed(id, first, "one", "not a JPEG", NOW)).applied(),
                "an original the catalog never saw can be processed");

        assertTrue(catalog.record(PhotoEntry.failed(id, "0066A1B2C3D4E5F601", "one", "not a JPEG", NOW)).applied());
        String reprocess = sequencerAfter(id);
        assertTrue(Sequencers.compare(reprocess, "0066A1B2C3D4E5F601") > 0);
        // The next upload's S3 sequencer, even one that only grows in a digit past the stored ones.
        String upload = "0066A1B2C3D4E5F60100000001";
        assertTrue(Sequencers.compare(reprocess, upload) < 0);

        assertTrue(catalog.record(ready(id, reprocess, "one")).applied(), "the reprocess replaces the FAILED entry");
        assertTrue(catalog.record(ready(id, upload, "two")).applied(), "the later upload still replaces it");
        assertFalse(catalog.record(ready(id, reprocess, "one")).applied(), "a late reprocess cannot roll the upload back");
        assertEquals(Optional.of("two"), catalog.find(id).orElseThrow().eTag());

        catalog.record(PhotoEntry.tombstone(id, "0066A1B2C3D4E5F70000", NOW));
        assertTrue(Sequencers.compare(sequencerAfter(id), "0066A1B2C3D4E5F70000") > 0,
                "after a tombstone too");
        catalog.record(ready(new PhotoId("again/inner", "broken.jpg"), "0066A1B2C3D4E5F80000", "three"));
        assertEquals(java.util.Set.of("broken.jpg"), catalog.sequencersAfter("again").keySet(), "one album, not its sub-albums");
    }

    @Test
    void everyPhotoIsReadAlbumByAlbumOnceARegistryScanListedTheAlbums() {
        String table = aws.tableName("CatalogTable");
        // A catalog from before the registry: its photos were written without registering their albums.
        aws.dynamoDb().deleteItem(r -> r.tableName(table).key(java.util.Map.of(PhotoItems.PK, PhotoItems.s(AlbumRegistry.PARTITION),
                PhotoItems.SK, PhotoItems.s(AlbumRegistry.COMPLETE))));
        PhotoId old = new PhotoId("registry/before", "old.jpg");
        CatalogSeeding.write(aws.dynamoDb(), table, List.of(ready(old, "10", "old")));
        PhotoId recorded = new PhotoId("registry/recorded", "new.jpg");
        catalog.record(ready(recorded, "10", "new"));
        AlbumRegistry registry = new AlbumRegistry(aws.dynamoDb(), table);
        assertTrue(registry.all().isEmpty(), "not complete until a scan has listed every album");

        assertTrue(ids(catalog.photos()).containsAll(Set.of(old, recorded)), "the scan finds both");
        assertTrue(registry.all().orElseThrow().containsAll(List.of("registry/before", "registry/recorded")));

        PhotoId unregistered = new PhotoId("registry/bypassed", "x.jpg");
        CatalogSeeding.write(aws.dynamoDb(), table, List.of(ready(unregistered, "10", "x")));
        PhotoId later = new PhotoId("registry/later", "later.jpg");
        catalog.record(ready(later, "10", "later"));
        Set<PhotoId> read = ids(new PhotoCatalog(aws.dynamoDb(), table).photos());
        assertTrue(read.containsAll(Set.of(old, recorded, later)), "every registered album is queried");
        assertFalse(read.contains(unregistered), "no scan any more: an album written around the registry is not read");
    }

    private static Set<PhotoId> ids(List<PhotoEntry> entries) {
        return entries.stream().map(PhotoEntry::id).collect(Collectors.toSet());
    }
}
