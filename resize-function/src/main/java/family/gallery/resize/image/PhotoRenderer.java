package family.gallery.resize.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.sksamuel.scrimage.ImmutableImage;
import com.sksamuel.scrimage.ScaleMethod;
import com.sksamuel.scrimage.nio.JpegWriter;

/**
 * Turns an original into its set of JPEG renditions: decoded once (subsampled when it is far
 * larger than needed), scaled down to the largest rendition, turned upright, then each smaller
 * rendition scaled from the one before, so only the first step touches the full image.
 */
public final class PhotoRenderer {

    /**
     * @param maxPixels   originals above this are refused before decoding
     * @param pixelBudget larger originals are decoded subsampled, which bounds the heap a photo needs
     * @param jpegQuality 0 to 100
     */
    public record Settings(long maxPixels, long pixelBudget, int jpegQuality) {

        /** 100 MP limit; 24 MP decoded at most (72 MB as 3-byte pixels); quality 82, see the README. */
        public static final Settings DEFAULTS = new Settings(100_000_000L, 24_000_000L, 82);
    }

    private final Settings settings;
    private final JpegWriter jpeg;

    public PhotoRenderer(Settings settings) {
        this.settings = settings;
        this.jpeg = new JpegWriter(settings.jpegQuality(), false);
    }

    public RenderedPhoto render(byte[] original) throws UnrenderablePhotoException {
        // Bombs first: compressed metadata is checked before anything inflates it, and the pixel
        // count (from the header, inside decode) before the metadata readers run.
        CompressedChunks.check(original);
        DecodedOriginal decoded = DecodedOriginal.decode(original, settings.maxPixels(), settings.pixelBudget(),
                RenditionSizes.FULL_SCREEN);
        PhotoMetadata metadata = ExifReader.read(original);
        Orientation orientation = decoded.upright() ? Orientation.NORMAL : metadata.orientation();
        int width = orientation.swapsAxes() ? decoded.storedHeight() : decoded.storedWidth();
        int height = orientation.swapsAxes() ? decoded.storedWidth() : decoded.storedHeight();

        List<Integer> edges = RenditionSizes.forLongEdge(Math.max(width, height));
        List<RenderedPhoto.Jpeg> renditions = new ArrayList<>(edges.size());
        ImmutableImage current = orientation.upright(scale(decoded.image(),
                RenditionSizes.scaled(decoded.image().getWidth(), decoded.image().getHeight(), edges.get(edges.size() - 1))));
        for (int i = edges.size() - 1; i >= 0; i--) {
            if (i < edges.size() - 1) {
                current = scale(current.awt(), RenditionSizes.scaled(width, height, edges.get(i)));
            }
            renditions.add(encode(current));
        }
        Collections.reverse(renditions);
        return new RenderedPhoto(width, height, metadata, renditions);
    }

    private static ImmutableImage scale(BufferedImage image, int[] size) {
        ImmutableImage wrapped = ImmutableImage.wrapAwt(image);
        return image.getWidth() == size[0] && image.getHeight() == size[1]
                ? wrapped : wrapped.scaleTo(size[0], size[1], ScaleMethod.Progressive);
    }

    private RenderedPhoto.Jpeg encode(ImmutableImage image) {
        try {
            return new RenderedPhoto.Jpeg(image.width, image.height, image.forWriter(jpeg).bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a JPEG in memory failed", e); // no I/O is involved
        }
    }
}
