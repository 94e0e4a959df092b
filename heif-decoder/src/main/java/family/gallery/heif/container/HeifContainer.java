package family.gallery.heif.container;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import family.gallery.heif.HeifException;
import family.gallery.heif.container.BoxReader.Box;

/**
 * The parts of a HEIF file (ISO/IEC 23008-12) that showing its primary image needs: the coded
 * HEVC pictures (one, or the tiles of a grid), the transforms to apply in order, the colour
 * description, an alpha plane and the EXIF block. Nothing is decoded here.
 */
public final class HeifContainer {

    /** Brands that say "this is a HEIF file" (AVIF is HEIF too, and is refused by name below). */
    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "miaf", "avif", "avis");
    private static final Set<String> ALPHA_TYPES =
            Set.of("urn:mpeg:hevc:2015:auxid:1", "urn:mpeg:mpegB:cicp:systems:auxiliary:alpha");
    /** Far above any camera's (an iPhone's 48 MP photo has 192 tiles); a hostile count stops here. */
    private static final int MAX_ITEMS = 10_000;
    private static final int MAX_TILES = 4_096;

    private HeifContainer() {
    }

    /** True when the bytes start with a file-type box naming a HEIF brand. */
    public static boolean isHeif(byte[] file) {
        if (file.length < 16 || !(file[4] == 'f' && file[5] == 't' && file[6] == 'y' && file[7] == 'p')) {
            return false;
        }
        long size = ((file[0] & 0xffL) << 24) | (file[1] & 0xff) << 16 | (file[2] & 0xff) << 8 | (file[3] & 0xff);
        int end = (int) Math.min(Math.max(size, 16), file.length);
        for (int at = 8; at + 4 <= end; at += 4) {
            if (at == 12) {
                continue; // minor version
            }
            if (HEIF_BRANDS.contains(new String(file, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    /** One HEVC-coded picture: its NAL units, each after a 4-byte big-endian length, parameter sets first. */
    public record CodedPicture(int itemId, byte[] nalUnits) {
    }

    /**
     * An image as stored: one coded picture, or a grid of tiles ({@code rows} x {@code columns},
     * each {@code tileWidth} x {@code tileHeight}) cropped to {@code width} x {@code height}.
     */
    public record StoredImage(int width, int height, int rows, int columns, int tileWidth, int tileHeight,
            List<CodedPicture> pictures) {

        public boolean isGrid() {
            return rows * columns > 1 || pictures.size() > 1;
        }
    }

    /** A transform applied, in order, to the stored image to show it. */
    public sealed interface Transform {
    }

    /** Clean aperture, in whole pixels of the image it applies to. */
    public record Crop(int left, int top, int width, int height) implements Transform {
    }

    /** {@code quarterTurns} x 90 degrees anti-clockwise. */
    public record Rotation(int quarterTurns) implements Transform {
    }

    /** {@code leftRight}: about a vertical axis (left and right swap); otherwise top and bottom swap. */
    public record Mirror(boolean leftRight) implements Transform {
    }

    /** ITU-T H.273 code points of a {@code colr nclx} box. */
    public record Nclx(int primaries, int transfer, int matrix, boolean fullRange) {
    }

    /** The primary image and what belongs to it. */
    public record PrimaryImage(StoredImage image, List<Transform> transforms, Optional<byte[]> iccProfile,
            Optional<Nclx> nclx, Optional<StoredImage> alpha, Optional<byte[]> exif) {
    }

    public static PrimaryImage parse(byte[] file) throws HeifException {
        if (file.length == 0) {
            throw new HeifException("The file is empty (0 bytes).");
        }
        if (!isHeif(file)) {
            throw new HeifException("The file is not a HEIF image (no HEIF file-type box).");
        }
        BoxReader top = new BoxReader(file, 0, file.length, "the file");
        Box meta = null;
        while (top.hasMore()) {
            Box box = top.nextBox();
            if (box.type().equals("meta")) {
                meta = box;
                break;
            }
        }
        if (meta == null) {
            throw new HeifException("The HEIF file has no 'meta' box: it holds no still image (an image sequence or a damaged file).");
        }
        return new Meta(file, meta).primary();
    }

    /** The 'meta' box's item tables, and how they lead to the primary image. */
    private static final class Meta {
        private final byte[] file;
        private int primaryId = -1;
        private final Map<Integer, String> itemTypes = new HashMap<>();
        private final Map<Integer, Location> locations = new HashMap<>();
        private final List<Box> properties = new ArrayList<>();
        private final Map<Integer, List<Integer>> associations = new HashMap<>();
        /** reference type + from id -> to ids, in order. */
        private final Map<String, List<Integer>> references = new HashMap<>();
        private final List<int[]> referencePairs = new ArrayList<>();
        private final List<String> referenceTypes = new ArrayList<>();
        private Box idat;
        private BoxReader ipco;

        private record Location(int constructionMethod, long baseOffset, List<long[]> extents) {
        }

        Meta(byte[] file, Box meta) throws HeifException {
            this.file = file;
            BoxReader reader = new BoxReader(file, meta.start(), meta.end(), "'meta'");
            reader.skip(4); // version and flags
            while (reader.hasMore()) {
                Box box = reader.nextBox();
                BoxReader in = reader.inside(box);
                switch (box.type()) {
                    case "pitm" -> primaryId = in.u8() == 0 ? skipFlags(in).u16() : skipFlags(in).u32AsInt();
                    case "iinf" -> readItemInfos(in);
                    case "iloc" -> readLocations(in);
                    case "iprp" -> readProperties(in);
                    case "iref" -> readReferences(in);
                    case "idat" -> idat = box;
                    default -> {
                    }
                }
            }
        }

        /** Skips the 3 flag bytes after a version byte already read. */
        private static BoxReader skipFlags(BoxReader in) throws HeifException {
            in.skip(3);
            return in;
        }

        private void readItemInfos(BoxReader in) throws HeifException {
            int version = in.u8();
            in.skip(3);
            int count = version == 0 ? in.u16() : in.u32AsInt();
            limit(count, MAX_ITEMS, "items");
            for (int i = 0; i < count && in.hasMore(); i++) {
                Box infe = in.nextBox();
                if (!infe.type().equals("infe")) {
                    continue;
                }
                BoxReader entry = in.inside(infe);
                int entryVersion = entry.u8();
                entry.skip(3);
                if (entryVersion < 2) {
                    continue; // old entries name no item type
                }
                int id = entryVersion == 2 ? entry.u16() : entry.u32AsInt();
                entry.skip(2); // protection index
                itemTypes.put(id, entry.fourCc());
            }
        }

        private void readLocations(BoxReader in) throws HeifException {
            int version = in.u8();
            in.skip(3);
            int sizes = in.u16();
            int offsetSize = sizes >> 12;
            int lengthSize = sizes >> 8 & 0xf;
            int baseOffsetSize = sizes >> 4 & 0xf;
            int indexSize = version == 1 || version == 2 ? sizes & 0xf : 0;
            int count = version < 2 ? in.u16() : in.u32AsInt();
            limit(count, MAX_ITEMS, "item locations");
            for (int i = 0; i < count; i++) {
                int id = version < 2 ? in.u16() : in.u32AsInt();
                int method = version == 1 || version == 2 ? in.u16() & 0xf : 0;
                in.skip(2); // data reference index: 0, this file
                long base = in.sized(baseOffsetSize);
                int extentCount = in.u16();
                List<long[]> extents = new ArrayList<>(Math.min(extentCount, 64));
                for (int e = 0; e < extentCount; e++) {
                    in.sized(indexSize);
                    extents.add(new long[] {in.sized(offsetSize), in.sized(lengthSize)});
                }
                locations.put(id, new Location(method, base, extents));
            }
        }

        private void readProperties(BoxReader in) throws HeifException {
            while (in.hasMore()) {
                Box box = in.nextBox();
                BoxReader inner = in.inside(box);
                if (box.type().equals("ipco")) {
                    ipco = inner;
                    while (inner.hasMore()) {
                        properties.add(inner.nextBox());
                    }
                } else if (box.type().equals("ipma")) {
                    int version = inner.u8();
                    int flags = inner.u8() << 16 | inner.u16();
                    int count = inner.u32AsInt();
                    limit(count, MAX_ITEMS, "property associations");
                    for (int i = 0; i < count; i++) {
                        int id = version < 1 ? inner.u16() : inner.u32AsInt();
                        int n = inner.u8();
                        List<Integer> indices = new ArrayList<>(n);
                        for (int a = 0; a < n; a++) {
                            indices.add((flags & 1) != 0 ? inner.u16() & 0x7fff : inner.u8() & 0x7f);
                        }
                        associations.put(id, indices);
                    }
                }
            }
        }

        private void readReferences(BoxReader in) throws HeifException {
            int version = in.u8();
            in.skip(3);
            while (in.hasMore()) {
                Box box = in.nextBox();
                BoxReader ref = in.inside(box);
                int from = version == 0 ? ref.u16() : ref.u32AsInt();
                int count = ref.u16();
                List<Integer> to = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    to.add(version == 0 ? ref.u16() : ref.u32AsInt());
                }
                references.computeIfAbsent(box.type() + "/" + from, k -> new ArrayList<>()).addAll(to);
                for (int target : to) {
                    referencePairs.add(new int[] {from, target});
                    referenceTypes.add(box.type());
                }
            }
        }

        PrimaryImage primary() throws HeifException {
            if (primaryId < 0) {
                throw new HeifException("The HEIF file names no primary image (no 'pitm' box).");
            }
            StoredImage image = stored(primaryId, "primary image");
            List<Transform> transforms = new ArrayList<>();
            byte[] icc = null;
            Nclx nclx = null;
            int width = image.width();
            int height = image.height();
            for (Box property : propertiesOf(primaryId)) {
                BoxReader in = ipco.inside(property);
                switch (property.type()) {
                    case "clap" -> {
                        Crop crop = crop(in, width, height);
                        transforms.add(crop);
                        width = crop.width();
                        height = crop.height();
                    }
                    case "irot" -> {
                        int turns = in.u8() & 3;
                        transforms.add(new Rotation(turns));
                        if (turns % 2 == 1) {
                            int swap = width;
                            width = height;
                            height = swap;
                        }
                    }
                    // ISO/IEC 23008-12:2022: axis 0 exchanges top and bottom, 1 left and right (as libheif reads it).
                    case "imir" -> transforms.add(new Mirror((in.u8() & 1) == 1));
                    default -> {
                    }
                }
            }
            // A grid without a colour description of its own takes its tiles' (some writers put it there).
            List<Box> described = propertiesOf(primaryId);
            if (image.isGrid() && described.stream().noneMatch(p -> p.type().equals("colr"))) {
                described = propertiesOf(image.pictures().get(0).itemId());
            }
            for (Box property : described) {
                if (property.type().equals("colr")) {
                    BoxReader in = ipco.inside(property);
                    String type = in.fourCc();
                    if (type.equals("nclx")) {
                        nclx = new Nclx(in.u16(), in.u16(), in.u16(), (in.u8() & 0x80) != 0);
                    } else if (type.equals("prof") || type.equals("rICC")) {
                        icc = in.rest();
                    }
                }
            }
            return new PrimaryImage(image, List.copyOf(transforms), Optional.ofNullable(icc), Optional.ofNullable(nclx),
                    alpha(), exif());
        }

        private Optional<StoredImage> alpha() throws HeifException {
            for (int i = 0; i < referencePairs.size(); i++) {
                int[] pair = referencePairs.get(i);
                if (referenceTypes.get(i).equals("auxl") && pair[1] == primaryId && isAlpha(pair[0])) {
                    return Optional.of(stored(pair[0], "alpha image"));
                }
            }
            return Optional.empty();
        }

        private boolean isAlpha(int id) throws HeifException {
            for (Box property : propertiesOf(id)) {
                if (property.type().equals("auxC")) {
                    BoxReader in = ipco.inside(property);
                    in.skip(4);
                    return ALPHA_TYPES.contains(in.cString());
                }
            }
            return false;
        }

        private Optional<byte[]> exif() throws HeifException {
            for (int i = 0; i < referencePairs.size(); i++) {
                int[] pair = referencePairs.get(i);
                if (referenceTypes.get(i).equals("cdsc") && pair[1] == primaryId && "Exif".equals(itemTypes.get(pair[0]))) {
                    byte[] data = itemData(pair[0], "EXIF block");
                    BoxReader in = new BoxReader(data, 0, data.length, "the EXIF block");
                    long offset = in.u32();
                    if (offset > in.remaining()) {
                        return Optional.empty(); // unreadable EXIF only costs the date and camera
                    }
                    in.skip((int) offset);
                    return Optional.of(in.rest());
                }
            }
            return Optional.empty();
        }

        private StoredImage stored(int id, String what) throws HeifException {
            String type = itemTypes.get(id);
            if (type == null) {
                throw new HeifException("The HEIF file's " + what + " (item " + id + ") is not described in its item table.");
            }
            switch (type) {
                case "hvc1" -> {
                    int[] size = size(id, what);
                    return new StoredImage(size[0], size[1], 1, 1, size[0], size[1], List.of(coded(id, what)));
                }
                case "grid" -> {
                    return grid(id, what);
                }
                default -> throw new HeifException("The HEIF " + what + " is coded as " + describe(type)
                        + ", which the gallery does not decode (it reads HEVC-coded HEIC).");
            }
        }

        private StoredImage grid(int id, String what) throws HeifException {
            byte[] data = itemData(id, what);
            BoxReader in = new BoxReader(data, 0, data.length, "the grid description");
            in.u8();
            int flags = in.u8();
            int rows = in.u8() + 1;
            int columns = in.u8() + 1;
            int width = (flags & 1) != 0 ? in.u32AsInt() : in.u16();
            int height = (flags & 1) != 0 ? in.u32AsInt() : in.u16();
            limit(rows * columns, MAX_TILES, "grid tiles");
            List<Integer> tileIds = references.getOrDefault("dimg/" + id, List.of());
            if (tileIds.size() < rows * columns) {
                throw new HeifException("The HEIF grid image is missing tiles: it has " + tileIds.size() + " of "
                        + rows * columns + " (" + columns + " x " + rows + ").");
            }
            List<CodedPicture> tiles = new ArrayList<>(rows * columns);
            int tileWidth = 0;
            int tileHeight = 0;
            for (int i = 0; i < rows * columns; i++) {
                int tileId = tileIds.get(i);
                String tileName = "grid tile " + (i + 1) + " of " + rows * columns;
                if (!"hvc1".equals(itemTypes.get(tileId))) {
                    throw new HeifException(itemTypes.containsKey(tileId)
                            ? "The HEIF " + tileName + " is coded as " + describe(itemTypes.get(tileId))
                                    + ", which the gallery does not decode (it reads HEVC-coded HEIC)."
                            : "The HEIF " + tileName + " is missing (item " + tileId + " does not exist).");
                }
                int[] size = size(tileId, tileName);
                if (i == 0) {
                    tileWidth = size[0];
                    tileHeight = size[1];
                } else if (size[0] != tileWidth || size[1] != tileHeight) {
                    throw new HeifException("The HEIF " + tileName + " is " + size[0] + " x " + size[1]
                            + " pixels, unlike the first tile's " + tileWidth + " x " + tileHeight + ".");
                }
                tiles.add(coded(tileId, tileName));
            }
            if ((long) tileWidth * columns < width || (long) tileHeight * rows < height) {
                throw new HeifException("The HEIF grid's tiles (" + columns + " x " + rows + " of " + tileWidth + " x "
                        + tileHeight + ") do not cover its " + width + " x " + height + " pixels.");
            }
            return new StoredImage(width, height, rows, columns, tileWidth, tileHeight, List.copyOf(tiles));
        }

        private CodedPicture coded(int id, String what) throws HeifException {
            Box config = null;
            for (Box property : propertiesOf(id)) {
                if (property.type().equals("hvcC")) {
                    config = property;
                }
            }
            if (config == null) {
                throw new HeifException("The HEIF " + what + " has no HEVC decoder configuration ('hvcC').");
            }
            BoxReader in = ipco.inside(config);
            in.skip(21);
            int lengthSize = (in.u8() & 3) + 1;
            int arrays = in.u8();
            ByteArrayOutputStream nal = new ByteArrayOutputStream();
            for (int a = 0; a < arrays; a++) {
                in.u8();
                int count = in.u16();
                for (int n = 0; n < count; n++) {
                    int length = in.u16();
                    writeLength(nal, length);
                    nal.writeBytes(in.bytes(length));
                }
            }
            byte[] data = itemData(id, what);
            for (int at = 0; at < data.length;) {
                if (data.length - at < lengthSize) {
                    throw BoxReader.truncated("the HEVC data of the " + what + " ends inside a NAL unit length");
                }
                long length = 0;
                for (int b = 0; b < lengthSize; b++) {
                    length = length << 8 | (data[at + b] & 0xff);
                }
                at += lengthSize;
                if (length > data.length - at) {
                    throw BoxReader.truncated("the HEVC data of the " + what + " is cut off");
                }
                writeLength(nal, (int) length);
                nal.write(data, at, (int) length);
                at += (int) length;
            }
            return new CodedPicture(id, nal.toByteArray());
        }

        private int[] size(int id, String what) throws HeifException {
            for (Box property : propertiesOf(id)) {
                if (property.type().equals("ispe")) {
                    BoxReader in = ipco.inside(property);
                    in.skip(4);
                    int width = in.u32AsInt();
                    int height = in.u32AsInt();
                    if (width == 0 || height == 0) {
                        throw new HeifException("The HEIF " + what + " has no size (" + width + " x " + height + ").");
                    }
                    return new int[] {width, height};
                }
            }
            throw new HeifException("The HEIF " + what + " has no size ('ispe' property).");
        }

        private List<Box> propertiesOf(int id) throws HeifException {
            List<Box> found = new ArrayList<>();
            for (int index : associations.getOrDefault(id, List.of())) {
                if (index == 0) {
                    continue;
                }
                if (index > properties.size()) {
                    throw new HeifException("The HEIF file is damaged: item " + id + " names property " + index
                            + " of only " + properties.size() + ".");
                }
                found.add(properties.get(index - 1));
            }
            return found;
        }

        private byte[] itemData(int id, String what) throws HeifException {
            Location location = locations.get(id);
            if (location == null) {
                throw new HeifException("The HEIF " + what + " has no data (no 'iloc' entry for item " + id + ").");
            }
            int windowStart = 0;
            int windowEnd = file.length;
            if (location.constructionMethod() == 1) {
                if (idat == null) {
                    throw new HeifException("The HEIF " + what + " points into an 'idat' box that does not exist.");
                }
                windowStart = idat.start();
                windowEnd = idat.end();
            } else if (location.constructionMethod() != 0) {
                throw new HeifException("The HEIF " + what + " is built from other items (construction method "
                        + location.constructionMethod() + "), which the gallery does not read.");
            }
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (long[] extent : location.extents()) {
                if (location.baseOffset() > windowEnd || extent[0] > windowEnd || extent[1] > windowEnd) {
                    throw BoxReader.truncated("the data of the " + what + " lies beyond the end of the file");
                }
                long start = windowStart + location.baseOffset() + extent[0];
                long length = extent[1] == 0 ? windowEnd - start : extent[1];
                if (length < 0 || start + length > windowEnd) {
                    throw BoxReader.truncated("the data of the " + what + " lies beyond the end of the file");
                }
                data.write(file, (int) start, (int) length);
            }
            return data.toByteArray();
        }

        private static Crop crop(BoxReader in, int width, int height) throws HeifException {
            double clapWidth = ratio(in.u32(), in.u32());
            double clapHeight = ratio(in.u32(), in.u32());
            double horizontalOffset = ratio((int) in.u32(), in.u32());
            double verticalOffset = ratio((int) in.u32(), in.u32());
            int left = (int) Math.round(horizontalOffset + (width - clapWidth) / 2);
            int top = (int) Math.round(verticalOffset + (height - clapHeight) / 2);
            left = Math.max(0, Math.min(left, width - 1));
            top = Math.max(0, Math.min(top, height - 1));
            int right = (int) Math.min(width, left + Math.round(clapWidth));
            int bottom = (int) Math.min(height, top + Math.round(clapHeight));
            if (right <= left || bottom <= top) {
                throw new HeifException("The HEIF clean aperture ('clap') leaves no pixels of the image.");
            }
            return new Crop(left, top, right - left, bottom - top);
        }

        private static double ratio(long numerator, long denominator) throws HeifException {
            if (denominator == 0) {
                throw new HeifException("The HEIF clean aperture ('clap') divides by zero.");
            }
            return (double) numerator / denominator;
        }

        private static void writeLength(ByteArrayOutputStream out, int length) {
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
        }

        private static void limit(long count, int max, String what) throws HeifException {
            if (count > max) {
                throw new HeifException("The HEIF file lists " + count + " " + what + ", more than the " + max + " it may have.");
            }
        }

        private static String describe(String itemType) {
            return switch (itemType) {
                case "av01" -> "AV1 (an AVIF image)";
                case "jpeg" -> "JPEG inside HEIF";
                case "vvc1" -> "VVC (H.266)";
                case "unci" -> "uncompressed HEIF";
                case "iden" -> "a derived identity image";
                case "iovl" -> "an overlay of images";
                case "tmap" -> "a tone-mapped HDR image";
                case "mski" -> "a mask";
                default -> "'" + itemType + "'";
            };
        }
    }
}
