package family.gallery.catalog;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts between {@link PhotoEntry} and the catalog table's item; the attributes are in the package documentation. */
final class PhotoItems {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String STATUS = "status";
    static final String SEQUENCER = "sequencer";
    static final String EXPIRES_AT = "expiresAt";

    private PhotoItems() {
    }

    static Map<String, AttributeValue> key(PhotoId id) {
        return Map.of(PK, s(id.pk()), SK, s(id.sk()));
    }

    static Map<String, AttributeValue> toItem(PhotoEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(key(entry.id()));
        item.put("album", s(entry.id().album()));
        item.put("fileName", s(entry.id().fileName()));
        item.put("sourceKey", s(entry.id().sourceKey()));
        item.put(STATUS, s(entry.status().name()));
        item.put(SEQUENCER, s(CatalogSequencers.sortable(entry.sequencer())));
        item.put("updatedAt", s(entry.updatedAt().toString()));
        entry.eTag().ifPresent(v -> item.put("eTag", s(v)));
        if (entry.status() == PhotoStatus.READY) {
            item.put("width", n(entry.width()));
            item.put("height", n(entry.height()));
            item.put("renditions", AttributeValue.fromL(entry.renditions().stream().map(PhotoItems::rendition).toList()));
        }
        entry.video().ifPresent(v -> {
            item.put("video", rendition(v.webVersion()));
            item.put("durationMs", n(v.durationMillis()));
        });
        entry.takenAt().ifPresent(t -> {
            item.put("takenAt", s(t.iso()));
            item.put("takenAtFromCamera", AttributeValue.fromBool(t.fromCamera()));
        });
        PhotoDetails details = entry.details();
        details.camera().ifPresent(v -> item.put("camera", s(v)));
        details.lens().ifPresent(v -> item.put("lens", s(v)));
        details.focalLength().ifPresent(v -> item.put("focalLength", AttributeValue.fromN(v.toString())));
        details.aperture().ifPresent(v -> item.put("aperture", AttributeValue.fromN(v.toString())));
        details.exposureTime().ifPresent(v -> item.put("exposureTime", s(v)));
        details.iso().ifPresent(v -> item.put("iso", n(v)));
        details.caption().ifPresent(v -> item.put("embeddedCaption", s(v)));
        entry.reason().ifPresent(v -> item.put("reason", s(v)));
        entry.expiresAt().ifPresent(v -> item.put(EXPIRES_AT, n(v.getEpochSecond())));
        return item;
    }

    static PhotoEntry fromItem(Map<String, AttributeValue> item) {
        PhotoId id = PhotoId.fromItemKey(item.get(PK).s(), item.get(SK).s());
        Optional<TakenAt> takenAt = text(item, "takenAt").map(iso -> TakenAt.parse(iso,
                Optional.ofNullable(item.get("takenAtFromCamera")).map(AttributeValue::bool).orElse(false)));
        List<Rendition> renditions = Optional.ofNullable(item.get("renditions")).map(AttributeValue::l).orElse(List.of())
                .stream().map(v -> rendition(v.m())).toList();
        Optional<Video> video = Optional.ofNullable(item.get("video"))
                .map(v -> new Video(rendition(v.m()), Long.parseLong(item.get("durationMs").n())));
        return new PhotoEntry(id, PhotoStatus.valueOf(item.get(STATUS).s()), item.get(SEQUENCER).s(),
                text(item, "eTag"), integer(item, "width"), integer(item, "height"), takenAt,
                details(item), renditions, video, text(item, "reason"),
                Instant.parse(item.get("updatedAt").s()),
                Optional.ofNullable(item.get(EXPIRES_AT)).map(v -> Instant.ofEpochSecond(Long.parseLong(v.n()))));
    }

    private static PhotoDetails details(Map<String, AttributeValue> item) {
        return new PhotoDetails(text(item, "camera"), text(item, "lens"), decimal(item, "focalLength"),
                decimal(item, "aperture"), text(item, "exposureTime"),
                Optional.ofNullable(item.get("iso")).map(v -> Integer.parseInt(v.n())), text(item, "embeddedCaption"));
    }

    private static Optional<Double> decimal(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(v -> Double.parseDouble(v.n()));
    }

    private static Rendition rendition(Map<String, AttributeValue> m) {
        return new Rendition(m.get("key").s(), integer(m, "width"), integer(m, "height"), Long.parseLong(m.get("bytes").n()));
    }

    private static AttributeValue rendition(Rendition r) {
        return AttributeValue.fromM(Map.of("key", s(r.key()), "width", n(r.width()), "height", n(r.height()),
                "bytes", n(r.bytes())));
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    private static int integer(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Integer.parseInt(value.n());
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
