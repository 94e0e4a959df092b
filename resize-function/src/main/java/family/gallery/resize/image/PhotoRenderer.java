package family.gallery.resize.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import com.sksamuel.scrimage.ImmutableImage;
import com.sksamuel.scrimage.nio.JpegWriter;

/**
 * Turns an original into its set of JPEG renditions: decoded once and resampled with Lanczos-3 to
 * the largest rendition (see {@link DecodedOriginal}), then each smaller rendition resampled from the
 * one before, so only the first step touches the full image. Each rendition is turned upright after
 * resampling, where it is small.
 */
public final class PhotoRenderer {

    /**
     * @param maxPixels   originals above this are refused before decoding
     * @param pixelBudget larger originals are decoded reduced by area, which bounds the heap a photo needs
     * @param jpegQuality 0 to 100
     */
    public record Settings(long maxPixels, long pixelBudget, int jpegQuality) {

        /** 100 MP limit; 24 MP decoded at most (72 MB as 3-byte pixels) where the size allows; quality 82, see the README. */
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
        List<ForkJoinTask<RenderedPhoto.Jpeg>> encodings = new ArrayList<>(edges.size());
        BufferedImage current = decoded.image();
        for (int i = edges.size() - 1; i >= 0; i--) {
            int[] size = RenditionSizes.scaled(decoded.storedWidth(), decoded.storedHeight(), edges.get(i));
            if (current.getWidth() != size[0] || current.getHeight() != size[1]) {
                current = Lanczos3.resize(current, size[0], size[1]);
            }
            // Encoded on another core while this one resamples the next rendition.
            BufferedImage rendition = current;
            encodings.add(ForkJoinPool.commonPool().submit(() -> encode(orientation.upright(ImmutableImage.wrapAwt(rendition)))));
        }
        List<RenderedPhoto.Jpeg> renditions = new ArrayList<>(encodings.size());
        for (int i = encodings.size() - 1; i >= 0; i--) {
            renditions.add(encodings.get(i).join());
        }
        return new RenderedPhoto(width, height, metadata, renditions);
    }

    private RenderedPhoto.Jpeg encode(ImmutableImage image) {
        try {
            return new RenderedPhoto.Jpeg(image.width, image.height, image.forWriter(jpeg).bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a JPEG in memory failed", e); // no I/O is involved
        }
    }
}
