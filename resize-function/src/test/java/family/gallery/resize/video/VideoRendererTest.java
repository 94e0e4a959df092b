package family.gallery.resize.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import family.gallery.resize.image.PhotoRenderer;
import family.gallery.resize.image.RenderedPhoto;

/** Real conversions with Debian's ffmpeg, checked with ffprobe. */
class VideoRendererTest {

    @TempDir
    Path dir;

    private final VideoRenderer renderer = new VideoRenderer(Ffmpeg.onPath(), new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS),
            VideoRenderer.Settings.DEFAULTS);

    private RenderedVideo render(Path original) throws UnplayableVideoException, IOException {
        return renderer.render(original, Files.createTempDirectory(dir, "work"), Instant.now().plusSeconds(120));
    }

    @Test
    void anIphoneHevcClipBecomesAnUprightH264WebVersionWithoutItsLocation() throws Exception {
        Path original = VideoFixtures.iphoneHevc(dir, "IMG_0042.MOV", 320, 240, 2);
        byte[] before = Files.readAllBytes(original);

        RenderedVideo video = render(original);

        assertEquals(List.of(240, 320, 2000), List.of(video.width(), video.height(), (int) video.durationMillis()));
        assertEquals(List.of(240, 320), List.of(video.webWidth(), video.webHeight()));
        assertEquals("codec_name=h264\nprofile=High\nwidth=240\nheight=320\npix_fmt=yuv420p\n",
                VideoFixtures.probe(video.webVersion(), "stream=codec_name,profile,width,height,pix_fmt:stream_side_data=rotation")
                        .replace("codec_name=aac\nprofile=LC\n", ""));
        assertTrue(VideoFixtures.probe(video.webVersion(), "stream=codec_name").contains("codec_name=aac"), "has its sound");
        String tags = VideoFixtures.tags(video.webVersion());
        assertFalse(tags.contains("ISO6709") || tags.contains("48.8584"), "no location in the web version: " + tags);
        assertTrue(indexComesFirst(video.webVersion()), "faststart: moov before mdat");
        assertEquals(OffsetDateTime.parse("2026-07-14T09:21:07+02:00"), video.recordedLocal().orElseThrow());
        assertEquals(Instant.parse("2026-07-14T07:21:07Z"), video.recorded().orElseThrow());
        assertArrayEquals(before, Files.readAllBytes(original));
        RenderedPhoto.Jpeg poster = video.poster().get(video.poster().size() - 1);
        assertEquals(List.of(240, 320), List.of(poster.width(), poster.height()), "the poster is as upright as the video");
    }

    @Test
    void largeVideosAreScaledToFit1080pInTheirOwnOrientation() {
        assertEquals(List.of(1920, 1080), List.of(WebVersionSettings.size(3840, 2160)[0], WebVersionSettings.size(3840, 2160)[1]));
        assertEquals(List.of(1080, 1920), List.of(WebVersionSettings.size(2160, 3840)[0], WebVersionSettings.size(2160, 3840)[1]));
        assertEquals(List.of(1440, 1080), List.of(WebVersionSettings.size(4032, 3024)[0], WebVersionSettings.size(4032, 3024)[1]));
        assertEquals(List.of(640, 360), List.of(WebVersionSettings.size(640, 360)[0], WebVersionSettings.size(640, 360)[1]),
                "never upscaled");
        assertEquals(List.of(1920, 820), List.of(WebVersionSettings.size(2560, 1093)[0], WebVersionSettings.size(2560, 1093)[1]),
                "even sides");
    }

    @Test
    void aFullHdClipAtSixtyFramesKeepsItsSizeAndSlowMotionPlaysAtThirty() throws Exception {
        RenderedVideo hd = render(VideoFixtures.h264(dir, "clip.mp4", 1920, 1080, 1, 60));
        assertEquals(List.of(1920, 1080), List.of(hd.webWidth(), hd.webHeight()));
        assertEquals(Instant.parse("2025-12-24T18:30:00Z"), hd.recorded().orElseThrow());
        assertTrue(hd.recordedLocal().isEmpty());
        assertTrue(VideoFixtures.probe(hd.webVersion(), "stream=avg_frame_rate").contains("avg_frame_rate=60/1"));

        RenderedVideo slowMotion = render(VideoFixtures.h264(dir, "slomo.mp4", 320, 240, 1, 120));
        assertTrue(VideoFixtures.probe(slowMotion.webVersion(), "stream=avg_frame_rate").contains("avg_frame_rate=30/1"));
    }

    @Test
    void hdrIsToneMappedToOrdinaryVideo() throws Exception {
        RenderedVideo video = render(VideoFixtures.hlg(dir, "hdr.mov"));
        String colour = VideoFixtures.probe(video.webVersion(), "stream=color_transfer,color_primaries,color_space");
        assertEquals("color_space=bt709\ncolor_transfer=bt709\ncolor_primaries=bt709\n", colour);
    }

    @Test
    void badFilesAreRefusedWithAReasonThatSaysWhatIsWrong() throws Exception {
        assertReason("is empty (0 bytes)", Files.createFile(dir.resolve("empty.mp4")));
        assertReason("is incomplete: its index (the 'moov' box) is missing, so the upload or copy was probably cut short",
                VideoFixtures.truncated(dir, "cut.mp4"));
        assertReason("is not a video file ffmpeg can read (the content is not MP4 or QuickTime)",
                VideoFixtures.text(dir, "notes.mp4"));
        assertReason("has sound but no picture (an audio file, not a video)", VideoFixtures.audioOnly(dir, "song.mp4"));
        assertReason("runs 3:00:00; videos up to 30:00 are converted (MAX_VIDEO_MINUTES)",
                VideoFixtures.threeHours(dir, "long.mp4"));
    }

    @Test
    void aConversionStillRunningAtTheDeadlineIsStoppedAndTheVideoRefused() throws Exception {
        // ffmpeg behind a script that first waits, so the conversion cannot finish in time.
        Path slowFfmpeg = dir.resolve("slow-ffmpeg");
        Files.writeString(slowFfmpeg, "#!/bin/sh\nsleep 30\nexec ffmpeg \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(slowFfmpeg, PosixFilePermissions.fromString("rwx------"));
        VideoRenderer slow = new VideoRenderer(new Ffmpeg(slowFfmpeg.toString(), "ffprobe"),
                new PhotoRenderer(PhotoRenderer.Settings.DEFAULTS), VideoRenderer.Settings.DEFAULTS);
        Path clip = VideoFixtures.h264(dir, "clip.mp4", 320, 240, 1, 30);

        Instant started = Instant.now();
        UnplayableVideoException refused = assertThrows(UnplayableVideoException.class,
                () -> slow.render(clip, Files.createTempDirectory(dir, "work"), Instant.now().plusSeconds(2)));

        assertTrue(refused.getMessage().startsWith("was still being converted after 0:02, the most a conversion may take;"
                + " it runs 0:01 at 320x240"), refused.getMessage());
        assertTrue(Duration.between(started, Instant.now()).toSeconds() < 20, "stopped at the deadline, not after");
    }

    private void assertReason(String reason, Path original) throws IOException {
        UnplayableVideoException refused = assertThrows(UnplayableVideoException.class, () -> render(original));
        assertEquals(reason, refused.getMessage(), original.getFileName().toString());
    }

    private static boolean indexComesFirst(Path mp4) throws IOException {
        String bytes = new String(Files.readAllBytes(mp4), StandardCharsets.ISO_8859_1);
        return bytes.indexOf("moov") >= 0 && bytes.indexOf("moov") < bytes.indexOf("mdat");
    }

    private static void assertArrayEquals(byte[] expected, byte[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, "the original is never changed");
    }
}
