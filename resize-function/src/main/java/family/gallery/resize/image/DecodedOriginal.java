package family.gallery.resize.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import org.jboss.logging.Logger;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import family.gallery.heif.HeifDecoder;
import family.gallery.heif.HeifException;
import family.gallery.heif.HeifImage;

/**
 * An original decoded once, in sRGB, and resampled with Lanczos-3 to the largest rendition's size.
 * One much larger than that is first reduced by a whole factor, each pixel the mean of a block of
 * the original's, so no detail is dropped unfiltered. JPEGs, the usual large originals, are reduced
 * row by row as they are decoded, and resampled on another core as the rows arrive.
 *
 * @param image        opaque sRGB pixels as stored (before EXIF orientation) at the largest rendition's
 *                     size, as {@link BufferedImage#TYPE_3BYTE_BGR} or (a HEIF no larger than that)
 *                     {@link BufferedImage#TYPE_INT_RGB}
 * @param storedWidth  the original's full width in pixels, as stored
 * @param storedHeight the original's full height in pixels, as stored
 * @param upright      the format's own transforms are applied already (HEIF's rotation and
 *                     mirroring, which take precedence over the EXIF orientation it also carries)
 */
public record DecodedOriginal(BufferedImage image, int storedWidth, int storedHeight, boolean upright) {

    private static final Logger LOG = Logger.getLogger(DecodedOriginal.class);

    /** What transparent pixels become: a mid grey that neither black nor white artwork vanishes on. */
    static final Color NEUTRAL_BACKGROUND = new Color(128, 128, 128);

    /**
     * The ImageIO readers beyond the JDK's own, registered by hand rather than found through
     * META-INF/services: a native image sees no service files unless told, and this way the JVM and
     * the native image read the same formats. A test fails when the class path brings a reader that
     * is neither here nor deliberately left out.
     */
    static final List<ImageReaderSpi> ADDED_READERS = List.of(new JPEGImageReaderSpi(), new WebPImageReaderSpi());

    /** The JDK's own JPEG reader, which TwelveMonkeys' delegates to, used directly to decode row by row. */
    private static final ImageReaderSpi JDK_JPEG_READER = jdkJpegReader();

    static {
        ImageIO.setUseCache(false); // decode from memory, not through temporary files
        IIORegistry registry = IIORegistry.getDefaultInstance();
        ADDED_READERS.forEach(registry::registerServiceProvider);
    }

    /**
     * @param maxPixels       originals with more pixels are refused from their header, before decoding
     * @param pixelBudget     the decoded image has at most this many pixels where the long edge allows
     * @param neededLongEdge  the largest rendition's long edge (or the original's, if shorter)
     */
    public static DecodedOriginal decode(byte[] original, long maxPixels, long pixelBudget, int neededLongEdge)
            throws UnrenderablePhotoException {
        if (original.length == 0) {
            throw new UnrenderablePhotoException("The file is empty (0 bytes).");
        }
        if (HeifDecoder.isHeif(original)) {
            return decodeHeif(original, maxPixels, pixelBudget, neededLongEdge);
        }
        try {
            DecodedOriginal streamed = decodeJpegRowByRow(original, maxPixels, pixelBudget, neededLongEdge);
            if (streamed != null) {
                return streamed;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("the JDK's JPEG reader refused the image (%s), reading it through the plugins", describe(e));
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnrenderablePhotoException("The file is not an image in a format we can read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, false);
                return read(reader, maxPixels, pixelBudget, neededLongEdge);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnrenderablePhotoException("The image is damaged or truncated and cannot be decoded ("
                    + describe(e) + ").", e);
        }
    }

    /**
     * Baseline and progressive JPEGs in YCbCr, grey or RGB, with or without an ICC profile, through
     * the JDK's own reader, which hands over each decoded row (converted to sRGB) to its destination;
     * a {@link RowSink} reduces the rows as they come. Null when the file is no JPEG; CMYK, YCCK and
     * broken ICC profiles, which only the TwelveMonkeys reader reads, make it throw.
     */
    private static DecodedOriginal decodeJpegRowByRow(byte[] original, long maxPixels, long pixelBudget,
            int neededLongEdge) throws IOException, UnrenderablePhotoException {
        if (original.length < 3 || (original[0] & 0xFF) != 0xFF || (original[1] & 0xFF) != 0xD8
                || (original[2] & 0xFF) != 0xFF) {
            return null;
        }
        ImageReader reader = JDK_JPEG_READER.createReaderInstance();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            reader.setInput(input, true, false);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkSize(width, height, maxPixels);
            AreaReducer reducer = new AreaReducer(width, height, reduction(width, height, pixelBudget, neededLongEdge));
            int[] size = largest(width, height, neededLongEdge);
            Lanczos3.Streaming resampling = new Lanczos3.Streaming(reducer.reduced(), size[0], size[1]);
            reducer.whenRowsReduced(resampling::rowsArrived);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setDestination(RowSink.destination(reducer, scans(original)));
            List<String> damage = listenForDamage(reader);
            reader.read(0, param);
            refuseDamage(damage);
            reducer.result(); // every row arrived
            return new DecodedOriginal(resampling.finish(), width, height, false);
        } finally {
            reader.dispose();
        }
    }

    /** HEIC/HEIF, recognised by its content: a JPEG named {@code .heic} goes through ImageIO above. */
    private static DecodedOriginal decodeHeif(byte[] original, long maxPixels, long pixelBudget, int neededLongEdge)
            throws UnrenderablePhotoException {
        try {
            HeifImage heif = HeifDecoder.shared().read(original);
            refuseAboveLimit(heif.width(), heif.height(), maxPixels);
            if (heif.storedPixels() > maxPixels) {
                throw new UnrenderablePhotoException(String.format(Locale.ROOT,
                        "The image is cropped from %d x %d stored pixels (%.1f megapixels), more than the limit of %.1f megapixels.",
                        heif.primary().image().width(), heif.primary().image().height(), heif.storedPixels() / 1e6,
                        maxPixels / 1e6));
            }
            BufferedImage decoded = HeifDecoder.shared().decode(heif,
                    reduction(heif.width(), heif.height(), pixelBudget, neededLongEdge));
            return new DecodedOriginal(resampled(toOpaqueSrgb(decoded), heif.width(), heif.height(), neededLongEdge),
                    heif.width(), heif.height(), true);
        } catch (HeifException e) {
            throw new UnrenderablePhotoException(e.getMessage(), e);
        }
    }

    private static void refuseAboveLimit(int width, int height, long maxPixels) throws UnrenderablePhotoException {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new UnrenderablePhotoException(String.format(Locale.ROOT,
                    "The image is %d x %d pixels (%.1f megapixels), more than the limit of %.1f megapixels.",
                    width, height, pixels / 1e6, maxPixels / 1e6));
        }
    }

    private static void checkSize(int width, int height, long maxPixels) throws UnrenderablePhotoException {
        if (width <= 0 || height <= 0) {
            throw new UnrenderablePhotoException("The image header gives no size (" + width + " x " + height + ").");
        }
        refuseAboveLimit(width, height, maxPixels);
    }

    /**
     * The number of scans (start-of-scan segments) of a JPEG's image, walking its marker segments
     * so that a thumbnail inside an APP segment does not count.
     */
    static int scans(byte[] jpeg) {
        int scans = 0;
        int i = 2;
        while (i + 3 < jpeg.length) {
            int marker = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) != 0xFF || marker == 0xFF || marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7)) {
                i++; // entropy-coded data, a stuffed byte, a restart marker or fill
                continue;
            }
            if (marker == 0xD9) {
                break;
            }
            if (marker == 0xDA) {
                scans++;
            }
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF));
        }
        return Math.max(1, scans);
    }

    /**
     * Other formats, and JPEGs the JDK's reader refuses: decoded whole when within the pixel budget,
     * else in bands of rows (each read on its own, which costs decoding time but bounds the heap).
     */
    private static DecodedOriginal read(ImageReader reader, long maxPixels, long pixelBudget, int neededLongEdge)
            throws IOException, UnrenderablePhotoException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        checkSize(width, height, maxPixels);
        List<String> damage = listenForDamage(reader);
        AreaReducer reducer = new AreaReducer(width, height, reduction(width, height, pixelBudget, neededLongEdge));
        int bandRows = (int) Math.max(1, Math.min(height, pixelBudget / width));
        ImageReadParam param = reader.getDefaultReadParam();
        for (int top = 0; top < height; top += bandRows) {
            int rows = Math.min(bandRows, height - top);
            if (rows < height) {
                param.setSourceRegion(new Rectangle(0, top, width, rows));
            }
            BufferedImage band = toBgr(toOpaqueSrgb(reader.read(0, param)));
            refuseDamage(damage);
            byte[] pixels = ((DataBufferByte) band.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < rows; y++) {
                reducer.accept(top + y, pixels, y * width * 3, 3, 2, 1, 0);
            }
        }
        return new DecodedOriginal(resampled(reducer.result(), width, height, neededLongEdge), width, height, false);
    }

    /** The largest rendition's size, as stored. */
    private static int[] largest(int width, int height, int neededLongEdge) {
        return RenditionSizes.scaled(width, height, Math.min(Math.max(width, height), neededLongEdge));
    }

    private static BufferedImage resampled(BufferedImage decoded, int width, int height, int neededLongEdge) {
        int[] size = largest(width, height, neededLongEdge);
        return decoded.getWidth() == size[0] && decoded.getHeight() == size[1]
                ? decoded : Lanczos3.resize(decoded, size[0], size[1]);
    }

    private static List<String> listenForDamage(ImageReader reader) {
        List<String> damage = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> {
            if (isTruncation(warning)) {
                damage.add(warning);
            } else {
                LOG.debugf("decoder warning, image kept: %s", warning);
            }
        });
        return damage;
    }

    private static void refuseDamage(List<String> damage) throws UnrenderablePhotoException {
        if (!damage.isEmpty()) {
            throw new UnrenderablePhotoException("The image is damaged or truncated: " + String.join("; ", damage) + ".");
        }
    }

    /**
     * Decoders fill a cut-off image with grey and only warn; that is a damaged photo. Other warnings
     * (a missing ICC profile, extraneous bytes between markers) are quirks of working cameras.
     */
    private static boolean isTruncation(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.startsWith("truncated") || text.contains("premature end");
    }

    /**
     * The whole reduction factor: the largest that leaves the Lanczos filter at least a factor of two
     * to the needed long edge (as libvips leaves its own after shrink-on-load), raised where needed to
     * bring the pixels within budget, but never taking the long edge below {@code neededLongEdge}.
     */
    static int reduction(int width, int height, long pixelBudget, int neededLongEdge) {
        int longEdge = Math.max(width, height);
        int largestAllowed = Math.max(1, longEdge / neededLongEdge);
        int leavingLanczosTwo = Math.max(1, longEdge / (2 * neededLongEdge));
        int withinBudget = (int) Math.ceil(Math.sqrt((double) width * height / pixelBudget));
        return Math.min(largestAllowed, Math.max(leavingLanczosTwo, withinBudget));
    }

    /** The pixels as {@link BufferedImage#TYPE_3BYTE_BGR}, the layout the area reducer works on. */
    static BufferedImage toBgr(BufferedImage opaque) {
        if (opaque.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return opaque;
        }
        BufferedImage bgr = new BufferedImage(opaque.getWidth(), opaque.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.drawImage(opaque, 0, 0, null);
        } finally {
            g.dispose();
        }
        return bgr;
    }

    /**
     * Embedded ICC profiles and CMYK become sRGB through the colour management system; grey values
     * are copied as they are (grey JPEGs and PNGs store gamma-encoded values, which Java's linear
     * grey colour space would brighten); transparency is flattened onto {@link #NEUTRAL_BACKGROUND}.
     */
    static BufferedImage toOpaqueSrgb(BufferedImage decoded) {
        ColorSpace space = decoded.getColorModel().getColorSpace();
        boolean alpha = decoded.getColorModel().hasAlpha();
        BufferedImage srgb = decoded;
        if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
            srgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(),
                    alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            new ColorConvertOp(null).filter(decoded, srgb);
        }
        int type = srgb.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR) {
            return srgb;
        }
        BufferedImage opaque = new BufferedImage(srgb.getWidth(), srgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = opaque.createGraphics();
        try {
            g.setColor(NEUTRAL_BACKGROUND);
            g.fillRect(0, 0, opaque.getWidth(), opaque.getHeight());
            g.drawImage(srgb, 0, 0, null);
        } finally {
            g.dispose();
        }
        return opaque;
    }

    private static ImageReaderSpi jdkJpegReader() {
        Iterator<ImageReaderSpi> providers = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false);
        while (providers.hasNext()) {
            ImageReaderSpi provider = providers.next();
            if (provider.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi")) {
                return provider;
            }
        }
        throw new IllegalStateException("the JDK's JPEG reader is not registered");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
