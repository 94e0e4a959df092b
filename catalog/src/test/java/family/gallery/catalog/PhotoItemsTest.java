package family.gallery.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import family.gallery.ingest.MediaKey;
import family.gallery.ingest.Sequencers;

class PhotoItemsTest {

    private static final PhotoId ID = PhotoId.of(MediaKey.of("albums/2026 summer/Été + plage 🌊.jpg"));
    private static final Instant NOW = Instant.parse("2026-07-14T09:21:07Z");

    @Test
    void aReadyEntrySurvivesTheRoundTrip() {
        PhotoEntry entry = PhotoEntry.ready(ID, "0066A1B2C3D4E5F601", "9b2cf535f27731c974343645a3985328", 1800,
                1200, TakenAt.camera(LocalDateTime.parse("2026-07-12T18:03:44"), Optional.of(ZoneOffset.ofHours(2))),
                new PhotoDetails(Optional.of("Canon EOS R6"), Optional.of("RF24-105mm F4 L IS USM"), Optional.of(105.0),
                        Optional.of(4.0), Optional.of("1/250"), Optional.of(800), Optional.of("Été à la plage")),
                List.of(new Rendition("media/abc/480.jpg", 480, 320, 41_000),
                        new Rendition("media/abc/1800.jpg", 1800, 1200, 512_000)),
                NOW);

        PhotoEntry back = PhotoItems.fromItem(PhotoItems.toItem(entry));

        assertEquals(entry.renditions(), back.renditions());
        assertEquals(entry.takenAt(), back.takenAt());
        assertEquals("2026-07-12T18:03:44+02:00", back.takenAt().orElseThrow().iso());
        assertEquals(ID, back.id());
        assertEquals("albums/2026 summer/Été + plage 🌊.jpg", back.id().sourceKey());
        assertEquals(0, Sequencers.compare(entry.sequencer(), back.sequencer()));
        assertEquals(entry.details(), back.details());
        assertEquals(entry.eTag(), back.eTag());
        assertEquals(1800, back.width());
        assertEquals(PhotoStatus.READY, back.status());
    }

    @Test
    void aVideoKeepsItsWebVersionAndRunningTime() {
        PhotoEntry video = PhotoEntry.ready(ID, "03", "e", 1080, 1920, TakenAt.uploaded(NOW), PhotoDetails.NONE,
                List.of(new Rendition("media/abc/270x480.jpg", 270, 480, 9_000)), NOW)
                .withVideo(new Video(new Rendition("media/abc/1080x1920.mp4", 1080, 1920, 7_340_032), 12_345));

        PhotoEntry back = PhotoItems.fromItem(PhotoItems.toItem(video));

        assertEquals(video.video(), back.video());
        assertEquals(List.of("media/abc/270x480.jpg", "media/abc/1080x1920.mp4"), back.storedKeys());
        assertTrue(PhotoItems.fromItem(PhotoItems.toItem(PhotoEntry.failed(ID, "04", "e", "broken", NOW))).video().isEmpty());
    }

    @Test
    void aCameraTimeWithoutOffsetStaysLocal() {
        TakenAt local = TakenAt.camera(LocalDateTime.parse("2019-01-02T03:04:05"), Optional.empty());
        PhotoEntry back = PhotoItems.fromItem(PhotoItems.toItem(PhotoEntry.ready(ID, "01", "e", 1, 1, local,
                PhotoDetails.NONE, List.of(), NOW)));
        assertEquals("2019-01-02T03:04:05", back.takenAt().orElseThrow().iso());
        assertTrue(back.takenAt().orElseThrow().fromCamera());
        assertFalse(TakenAt.uploaded(NOW).fromCamera());
    }

    @Test
    void tombstonesExpireAndFailuresKeepTheirReason() {
        PhotoEntry tombstone = PhotoItems.fromItem(PhotoItems.toItem(PhotoEntry.tombstone(ID, "02", NOW)));
        assertEquals(NOW.plus(PhotoEntry.TOMBSTONE_LIFETIME), tombstone.expiresAt().orElseThrow());
        assertFalse(tombstone.isLive());
        assertEquals(Long.toString(NOW.plus(PhotoEntry.TOMBSTONE_LIFETIME).getEpochSecond()),
                PhotoItems.toItem(PhotoEntry.tombstone(ID, "02", NOW)).get("expiresAt").n());

        PhotoEntry failed = PhotoItems.fromItem(PhotoItems.toItem(PhotoEntry.failed(ID, "03", "e", "not an image", NOW)));
        assertEquals(Optional.of("not an image"), failed.reason());
        assertEquals(PhotoStatus.FAILED, failed.status());
        assertTrue(failed.expiresAt().isEmpty());
    }

    @Test
    void sortableSequencersOrderAsS3Says() {
        List<String> sequencers = List.of("0055", "0055AA", "0055ab01", "00560", "5", "0A", "00FF00000000000001");
        for (String a : sequencers) {
            for (String b : sequencers) {
                assertEquals(Integer.signum(Sequencers.compare(a, b)),
                        Integer.signum(CatalogSequencers.sortable(a).compareTo(CatalogSequencers.sortable(b))), a + " vs " + b);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> CatalogSequencers.sortable("not-hex"));
        assertThrows(IllegalArgumentException.class, () -> CatalogSequencers.sortable(""));
    }
}
