package family.gallery.resize.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
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
 * An original decoded once, in sRGB, at the smallest resolution the largest rendition needs.
 *
 * @param image        opaque sRGB pixels as stored (before EXIF orientation), possibly subsampled
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

    static {
        ImageIO.setUseCache(false); // decode from memory, not through temporary files
        IIORegistry registry = IIORegistry.getDefaultInstance();
        ADDED_READERS.forEach(registry::registerServiceProvider);
    }

    /**
     * @param maxPixels       originals with more pixels are refused from their header, before decoding
     * @param pixelBudget     decode with source subsampling when the original has more pixels than this
     * @param neededLongEdge  subsampling never takes the decoded long edge below this
     */
    public static DecodedOriginal decode(byte[] original, long maxPixels, long pixelBudget, int neededLongEdge)
            throws UnrenderablePhotoException {
        if (original.length == 0) {
            throw new UnrenderablePhotoException("The file is empty (0 bytes).");
        }
        if (HeifDecoder.isHeif(original)) {
            return decodeHeif(original, maxPixels, pixelBudget, neededLongEdge);
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
                    subsampling(heif.width(), heif.height(), pixelBudget, neededLongEdge));
            return new DecodedOriginal(toOpaqueSrgb(decoded), heif.width(), heif.height(), true);
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

    private static DecodedOriginal read(ImageReader reader, long maxPixels, long pixelBudget, int neededLongEdge)
            throws IOException, UnrenderablePhotoException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw new UnrenderablePhotoException("The image header gives no size (" + width + " x " + height + ").");
        }
        refuseAboveLimit(width, height, maxPixels);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(width, height, pixelBudget, neededLongEdge);
        param.setSourceSubsampling(step, step, 0, 0);
        List<String> damage = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> {
            if (isTruncation(warning)) {
                damage.add(warning);
            } else {
                LOG.debugf("decoder warning, image kept: %s", warning);
            }
        });
        BufferedImage decoded = reader.read(0, param);
        if (!damage.isEmpty()) {
            throw new UnrenderablePhotoException("The image is damaged or truncated: " + String.join("; ", damage) + ".");
        }
        return new DecodedOriginal(toOpaqueSrgb(decoded), width, height, false);
    }

    /**
     * Decoders fill a cut-off image with grey and only warn; that is a damaged photo. Other warnings
     * (a missing ICC profile, extraneous bytes between markers) are quirks of working cameras.
     */
    private static boolean isTruncation(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.startsWith("truncated") || text.contains("premature end");
    }

    /** The largest whole step that keeps the long edge at least {@code neededLongEdge} and, if possible, the pixels within budget. */
    static int subsampling(int width, int height, long pixelBudget, int neededLongEdge) {
        int largestAllowed = Math.max(1, Math.max(width, height) / neededLongEdge);
        int withinBudget = (int) Math.ceil(Math.sqrt((double) width * height / pixelBudget));
        return Math.max(1, Math.min(largestAllowed, withinBudget));
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

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
