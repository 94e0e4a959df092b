package family.gallery.heif;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * HEIF test files: single images from Debian's {@code heif-enc} (libheif with x265), and grids,
 * transforms, alpha planes and damage from a small HEIF writer here, wrapping HEVC pictures that
 * Debian's {@code ffmpeg} (libx265) encodes. Nothing binary is kept in the repository.
 */
public final class HeifFixtures {

    private HeifFixtures() {
    }

    /** A scene whose orientation shows in its colours: red block top left, blue bar along the bottom. */
    public static BufferedImage scene(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(60, 170, 90));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(220, 20, 20));
        g.fillRect(0, 0, width / 3, height / 3);
        g.setColor(new Color(20, 20, 220));
        g.fillRect(0, height * 4 / 5, width, height / 5);
        g.dispose();
        return image;
    }

    /** Runs {@code heif-enc} on the image written as PNG, with the options; returns the HEIC. */
    public static byte[] heifEnc(BufferedImage image, Path dir, String... options) {
        try {
            Path png = dir.resolve("heif-enc-input.png");
            ImageIO.write(image, "png", png.toFile());
            List<String> command = new ArrayList<>(List.of("/usr/bin/heif-enc", "-q", "90"));
            command.addAll(List.of(options));
            command.addAll(List.of(png.toString(), "-o", dir.resolve("heif-enc-output.heic").toString()));
            run(command, dir);
            return Files.readAllBytes(dir.resolve("heif-enc-output.heic"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a HEIF file with Debian's {@code heif-convert} (libheif), the reference decoder. */
    public static BufferedImage heifConvert(byte[] heif, Path dir) {
        try {
            Path in = dir.resolve("reference.heic");
            Files.write(in, heif);
            Path out = dir.resolve("reference.png");
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir.resolve("reference-1.png"));
            run(List.of("/usr/bin/heif-convert", in.toString(), out.toString()), dir);
            // With several top-level images it numbers its outputs, the primary first.
            return ImageIO.read((Files.exists(out) ? out : dir.resolve("reference-1.png")).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Encodes one picture with ffmpeg's libx265 as a single intra frame and returns its NAL units
     * (parameter sets first) without start codes.
     *
     * @param pixelFormat e.g. {@code yuv420p}, {@code yuv420p10le}, {@code gray}
     */
    public static List<byte[]> hevc(BufferedImage image, String pixelFormat, Path dir) {
        try {
            Path png = dir.resolve("hevc-input.png");
            ImageIO.write(image, "png", png.toFile());
            Path out = dir.resolve("picture.hevc");
            run(List.of("/usr/bin/ffmpeg", "-loglevel", "error", "-y", "-i", png.toString(),
                    "-vf", "scale=out_color_matrix=bt709:out_range=full", "-pix_fmt", pixelFormat,
                    "-c:v", "libx265", "-x265-params", "keyint=1:log-level=error:crf=12", "-frames:v", "1",
                    "-f", "hevc", out.toString()), dir);
            return splitAnnexB(Files.readAllBytes(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An iPhone-like HEIC of the image: {@code tile} x {@code tile} HEVC tiles in a grid cropped to
     * the image's size, BT.601 full range as phones code it. All tiles are encoded in one ffmpeg run.
     */
    public static byte[] tiledHeic(BufferedImage image, int tile, Path workDir) {
        Path dir = workDir.toAbsolutePath();
        try {
            int columns = (image.getWidth() + tile - 1) / tile;
            int rows = (image.getHeight() + tile - 1) / tile;
            BufferedImage padded = new BufferedImage(columns * tile, rows * tile, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = padded.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
            Path tiles = Files.createDirectories(dir.resolve("tiles-" + image.getWidth() + "x" + image.getHeight()));
            for (int i = 0; i < rows * columns; i++) {
                ImageIO.write(padded.getSubimage(i % columns * tile, i / columns * tile, tile, tile), "png",
                        tiles.resolve(String.format("tile%04d.png", i)).toFile());
            }
            Path out = dir.resolve("tiles.hevc");
            run(List.of("/usr/bin/ffmpeg", "-loglevel", "error", "-y", "-i", tiles.resolve("tile%04d.png").toString(),
                    "-vf", "scale=out_color_matrix=bt601:out_range=full", "-pix_fmt", "yuv420p", "-c:v", "libx265",
                    "-x265-params", "keyint=1:log-level=error:crf=10", "-f", "hevc", out.toString()), dir);
            List<byte[]> nals = splitAnnexB(Files.readAllBytes(out));
            List<byte[]> parameterSets = new ArrayList<>();
            List<List<byte[]>> pictures = new ArrayList<>();
            for (byte[] nal : nals) {
                int type = (nal[0] >> 1) & 0x3f;
                if (type >= 32 && type <= 34 && parameterSets.size() < 3) {
                    parameterSets.add(nal);
                } else if (type < 32) {
                    List<byte[]> picture = new ArrayList<>(parameterSets);
                    picture.add(nal);
                    pictures.add(picture);
                }
            }
            Writer writer = new Writer();
            List<Integer> ids = new ArrayList<>();
            for (List<byte[]> picture : pictures) {
                ids.add(writer.picture(picture, tile, tile, true, Writer.nclx(1, 13, 6, true)));
            }
            writer.primary(writer.grid(rows, columns, image.getWidth(), image.getHeight(), ids));
            return writer.write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<byte[]> splitAnnexB(byte[] stream) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 3 <= stream.length; i++) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                starts.add(i + 3);
                i += 2;
            }
        }
        List<byte[]> nals = new ArrayList<>();
        for (int n = 0; n < starts.size(); n++) {
            int end = n + 1 < starts.size() ? starts.get(n + 1) - 3 : stream.length;
            while (end > starts.get(n) && stream[end - 1] == 0) {
                end--;
            }
            nals.add(java.util.Arrays.copyOfRange(stream, starts.get(n), end));
        }
        return nals;
    }

    private static void run(List<String> command, Path dir) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes a HEIF file the way phones lay them out: ftyp, meta (items, properties, references), mdat. */
    public static final class Writer {

        private record Item(int id, String type, boolean hidden, byte[] data, List<byte[]> properties) {
        }

        private final List<Item> items = new ArrayList<>();
        private final List<int[]> references = new ArrayList<>();
        private final List<String> referenceTypes = new ArrayList<>();
        private int primary;
        private int nextId = 1;

        /** Adds an HEVC-coded picture item ({@code nals} from {@link #hevc}) of the given size; returns its id. */
        public int picture(List<byte[]> nals, int width, int height, boolean hidden, byte[]... extraProperties) {
            return picture(nals, width, height, hidden, 1, 8, extraProperties);
        }

        /** @param chromaFormat 0 monochrome (an alpha plane), 1 4:2:0 */
        public int picture(List<byte[]> nals, int width, int height, boolean hidden, int chromaFormat, int bitDepth,
                byte[]... extraProperties) {
            ByteArrayOutputStream config = new ByteArrayOutputStream();
            // Main profile, level 3, the chroma format and bit depth (readers such as libheif take them from here).
            config.writeBytes(new byte[] {1, 1, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 90, (byte) 0xf0, 0, (byte) 0xfc,
                (byte) (0xfc | chromaFormat), (byte) (0xf8 | bitDepth - 8), (byte) (0xf8 | bitDepth - 8), 0, 0});
            config.write(0x0f); // one temporal layer, nested, 4-byte NAL lengths
            List<byte[]> parameterSets = new ArrayList<>();
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (byte[] nal : nals) {
                int type = (nal[0] >> 1) & 0x3f;
                if (type >= 32 && type <= 34) {
                    parameterSets.add(nal);
                } else if (type < 32) {
                    writeInt(data, nal.length);
                    data.writeBytes(nal);
                }
            }
            config.write(parameterSets.size());
            for (byte[] set : parameterSets) {
                config.write(0x80 | ((set[0] >> 1) & 0x3f));
                writeShort(config, 1);
                writeShort(config, set.length);
                config.writeBytes(set);
            }
            List<byte[]> properties = new ArrayList<>();
            properties.add(box("hvcC", config.toByteArray()));
            properties.add(ispe(width, height));
            properties.addAll(List.of(extraProperties));
            return add("hvc1", hidden, data.toByteArray(), properties);
        }

        /** Adds a grid of the tiles (row by row) with the output size; returns its id. */
        public int grid(int rows, int columns, int width, int height, List<Integer> tiles, byte[]... extraProperties) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.writeBytes(new byte[] {0, 0, (byte) (rows - 1), (byte) (columns - 1)});
            writeShort(data, width);
            writeShort(data, height);
            List<byte[]> properties = new ArrayList<>();
            properties.add(ispe(width, height));
            properties.addAll(List.of(extraProperties));
            int id = add("grid", false, data.toByteArray(), properties);
            for (int tile : tiles) {
                reference("dimg", id, tile);
            }
            return id;
        }

        public int exif(byte[] tiff, int describes) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            writeInt(data, 0);
            data.writeBytes(tiff);
            int id = add("Exif", true, data.toByteArray(), List.of());
            reference("cdsc", id, describes);
            return id;
        }

        public Writer primary(int id) {
            primary = id;
            return this;
        }

        public Writer reference(String type, int from, int to) {
            references.add(new int[] {from, to});
            referenceTypes.add(type);
            return this;
        }

        public static byte[] ispe(int width, int height) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeInt(out, 0);
            writeInt(out, width);
            writeInt(out, height);
            return box("ispe", out.toByteArray());
        }

        public static byte[] irot(int quarterTurnsAntiClockwise) {
            return box("irot", new byte[] {(byte) quarterTurnsAntiClockwise});
        }

        /** @param axis 0 exchanges top and bottom, 1 left and right */
        public static byte[] imir(int axis) {
            return box("imir", new byte[] {(byte) axis});
        }

        public static byte[] clap(int width, int height, int horizontalOffset, int verticalOffset) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int value : new int[] {width, 1, height, 1, horizontalOffset, 1, verticalOffset, 1}) {
                writeInt(out, value);
            }
            return box("clap", out.toByteArray());
        }

        public static byte[] nclx(int primaries, int transfer, int matrix, boolean fullRange) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("nclx".getBytes(StandardCharsets.US_ASCII));
            writeShort(out, primaries);
            writeShort(out, transfer);
            writeShort(out, matrix);
            out.write(fullRange ? 0x80 : 0);
            return box("colr", out.toByteArray());
        }

        public static byte[] icc(byte[] profile) {
            return box("colr", concat("prof".getBytes(StandardCharsets.US_ASCII), profile));
        }

        public static byte[] alphaType() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeInt(out, 0);
            out.writeBytes("urn:mpeg:hevc:2015:auxid:1\0".getBytes(StandardCharsets.US_ASCII));
            return box("auxC", out.toByteArray());
        }

        private int add(String type, boolean hidden, byte[] data, List<byte[]> properties) {
            int id = nextId++;
            items.add(new Item(id, type, hidden, data, properties));
            if (primary == 0) {
                primary = id;
            }
            return id;
        }

        public byte[] write() {
            byte[] ftyp = box("ftyp", concat("heic".getBytes(StandardCharsets.US_ASCII), new byte[4],
                    "mif1heic".getBytes(StandardCharsets.US_ASCII)));
            // Item data goes in mdat after meta; iloc offsets depend on meta's size, so lay meta out twice.
            byte[] meta = meta(0);
            meta = meta(ftyp.length + meta.length + 8);
            ByteArrayOutputStream mdat = new ByteArrayOutputStream();
            items.forEach(item -> mdat.writeBytes(item.data()));
            return concat(ftyp, meta, box("mdat", mdat.toByteArray()));
        }

        private byte[] meta(int mdatPayloadOffset) {
            ByteArrayOutputStream hdlr = new ByteArrayOutputStream();
            writeInt(hdlr, 0);
            writeInt(hdlr, 0);
            hdlr.writeBytes("pict".getBytes(StandardCharsets.US_ASCII));
            hdlr.writeBytes(new byte[13]);
            ByteArrayOutputStream pitm = new ByteArrayOutputStream();
            writeInt(pitm, 0);
            writeShort(pitm, primary);
            ByteArrayOutputStream iinf = new ByteArrayOutputStream();
            writeInt(iinf, 0);
            writeShort(iinf, items.size());
            ByteArrayOutputStream iloc = new ByteArrayOutputStream();
            writeInt(iloc, 0);
            writeShort(iloc, 0x4400); // 4-byte offsets and lengths, no base offset
            writeShort(iloc, items.size());
            ByteArrayOutputStream ipco = new ByteArrayOutputStream();
            ByteArrayOutputStream ipma = new ByteArrayOutputStream();
            writeInt(ipma, 1); // 16-bit property indices: a 48 MP grid has hundreds of properties
            writeInt(ipma, items.size());
            int offset = mdatPayloadOffset;
            int propertyIndex = 1;
            for (Item item : items) {
                ByteArrayOutputStream infe = new ByteArrayOutputStream();
                writeInt(infe, 0x02000000 | (item.hidden() ? 1 : 0));
                writeShort(infe, item.id());
                writeShort(infe, 0);
                infe.writeBytes(item.type().getBytes(StandardCharsets.US_ASCII));
                infe.write(0);
                iinf.writeBytes(box("infe", infe.toByteArray()));
                writeShort(iloc, item.id());
                writeShort(iloc, 0);
                writeShort(iloc, 1);
                writeInt(iloc, offset);
                writeInt(iloc, item.data().length);
                offset += item.data().length;
                writeShort(ipma, item.id());
                ipma.write(item.properties().size());
                for (byte[] property : item.properties()) {
                    ipco.writeBytes(property);
                    writeShort(ipma, propertyIndex++);
                }
            }
            // One box per reference type and source item, its targets in order (a grid's tiles row by row).
            java.util.Map<String, List<Integer>> grouped = new java.util.LinkedHashMap<>();
            for (int i = 0; i < references.size(); i++) {
                grouped.computeIfAbsent(referenceTypes.get(i) + "/" + references.get(i)[0], k -> new ArrayList<>())
                        .add(references.get(i)[1]);
            }
            ByteArrayOutputStream iref = new ByteArrayOutputStream();
            writeInt(iref, 0);
            grouped.forEach((key, targets) -> {
                ByteArrayOutputStream ref = new ByteArrayOutputStream();
                writeShort(ref, Integer.parseInt(key.substring(5)));
                writeShort(ref, targets.size());
                targets.forEach(target -> writeShort(ref, target));
                iref.writeBytes(box(key.substring(0, 4), ref.toByteArray()));
            });
            return box("meta", concat(new byte[4], box("hdlr", hdlr.toByteArray()), box("pitm", pitm.toByteArray()),
                    box("iinf", iinf.toByteArray()), box("iloc", iloc.toByteArray()), box("iref", iref.toByteArray()),
                    box("iprp", concat(box("ipco", ipco.toByteArray()), box("ipma", ipma.toByteArray())))));
        }

        static byte[] box(String type, byte[] payload) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeInt(out, payload.length + 8);
            out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(payload);
            return out.toByteArray();
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
            }
            return out.toByteArray();
        }

        private static void writeInt(ByteArrayOutputStream out, int value) {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
        }

        private static void writeShort(ByteArrayOutputStream out, int value) {
            out.write(value >>> 8);
            out.write(value);
        }
    }
}
