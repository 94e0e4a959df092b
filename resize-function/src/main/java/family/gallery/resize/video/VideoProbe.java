package family.gallery.resize.video;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What ffprobe says of a video file: its first video track, whether it has sound, how long it runs
 * and when it was recorded.
 *
 * @param durationMillis   running time of the container (of the video track when the container does not say)
 * @param storedWidth      pixels as coded, before rotation
 * @param storedHeight     pixels as coded
 * @param rotation         degrees the player turns the picture (the track's display matrix), a multiple of 90
 * @param codec            e.g. {@code hevc}, {@code h264}
 * @param framesPerSecond  average frame rate; 0 when unknown
 * @param transfer         the colour transfer, e.g. {@code bt709}, {@code arib-std-b67} (HLG); empty when unsaid
 * @param hasAudio         true when there is at least one audio track
 * @param recordedLocal    the camera's local time with its offset, where the camera wrote one (Apple's creation date)
 * @param recorded         the container's creation time, in UTC
 */
public record VideoProbe(long durationMillis, int storedWidth, int storedHeight, int rotation, String codec,
        double framesPerSecond, String transfer, boolean hasAudio, Optional<OffsetDateTime> recordedLocal,
        Optional<Instant> recorded) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Containers whose clock was never set say 1904-01-01 or 1970-01-01; no camera recorded before this. */
    private static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1990-01-01T00:00:00Z");
    /** Apple writes {@code 2026-07-14T09:21:07+0200}, an offset without a colon. */
    private static final DateTimeFormatter APPLE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");

    /** The video as displayed: rotated by a quarter turn, width and height swap. */
    public int width() {
        return quarterTurned() ? storedHeight : storedWidth;
    }

    public int height() {
        return quarterTurned() ? storedWidth : storedHeight;
    }

    private boolean quarterTurned() {
        return Math.floorMod(rotation, 180) == 90;
    }

    /** High dynamic range: HLG (iPhones) or PQ (HDR10), which need tone mapping for ordinary screens. */
    public boolean isHdr() {
        return transfer.equals("arib-std-b67") || transfer.equals("smpte2084");
    }

    /**
     * Reads ffprobe's {@code -print_format json -show_format -show_streams} output.
     *
     * @throws UnplayableVideoException when there is no video track or no picture size
     */
    public static VideoProbe parse(String json) throws UnplayableVideoException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ffprobe printed no JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode video = null;
        boolean audio = false;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            boolean coverArt = stream.path("disposition").path("attached_pic").asInt() == 1;
            if (type.equals("video") && !coverArt && video == null) {
                video = stream;
            }
            audio |= type.equals("audio");
        }
        if (video == null) {
            throw new UnplayableVideoException(audio ? "has sound but no picture (an audio file, not a video)"
                    : "has no video track");
        }
        int width = video.path("width").asInt();
        int height = video.path("height").asInt();
        if (width <= 0 || height <= 0) {
            throw new UnplayableVideoException("has a video track without a picture size");
        }
        JsonNode format = root.path("format");
        double seconds = format.path("duration").asDouble(video.path("duration").asDouble(0));
        JsonNode tags = format.path("tags");
        return new VideoProbe(Math.round(seconds * 1000), width, height, rotation(video), video.path("codec_name").asText(),
                rate(video.path("avg_frame_rate").asText()), video.path("color_transfer").asText(""), audio,
                appleDate(tags.path("com.apple.quicktime.creationdate").asText(null)),
                creationTime(tags.path("creation_time").asText(null)));
    }

    /** The display matrix's rotation (newer ffprobe), else the {@code rotate} tag (older ffprobe). */
    private static int rotation(JsonNode video) {
        for (JsonNode sideData : video.path("side_data_list")) {
            if (sideData.has("rotation")) {
                return (int) Math.round(sideData.path("rotation").asDouble());
            }
        }
        return video.path("tags").path("rotate").asInt(0);
    }

    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        try {
            double numerator = Double.parseDouble(parts[0]);
            double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return denominator == 0 ? 0 : numerator / denominator;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<OffsetDateTime> appleDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, APPLE_DATE)).filter(t -> plausible(t.toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> creationTime(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text)).filter(VideoProbe::plausible);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean plausible(Instant instant) {
        return instant.isAfter(EARLIEST_PLAUSIBLE);
    }
}
