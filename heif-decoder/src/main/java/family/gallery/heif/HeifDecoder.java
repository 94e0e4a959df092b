package family.gallery.heif;

import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import family.gallery.heif.container.HeifContainer;
import family.gallery.heif.container.HeifContainer.CodedPicture;
import family.gallery.heif.container.HeifContainer.Crop;
import family.gallery.heif.container.HeifContainer.Mirror;
import family.gallery.heif.container.HeifContainer.Nclx;
import family.gallery.heif.container.HeifContainer.PrimaryImage;
import family.gallery.heif.container.HeifContainer.Rotation;
import family.gallery.heif.container.HeifContainer.StoredImage;
import family.gallery.heif.container.HeifContainer.Transform;
import family.gallery.heif.hevc.HevcDecoderPool;
import family.gallery.heif.hevc.HevcDecodingException;
import family.gallery.heif.hevc.HevcPicture;

/**
 * Decodes HEIC/HEIF stills: the container read in Java, each HEVC picture (the tiles of a grid in
 * parallel) decoded by libde265 as WebAssembly, the colour converted and reduced by an area
 * filter, then the file's own crop, rotation and mirroring applied.
 */
public final class HeifDecoder {

    /** A backstop for callers that do not check the size first: 2 GB of pixels would not fit anyway. */
    private static final long MAX_DECODED_PIXELS = 256L << 20;

    private static final HeifDecoder SHARED = new HeifDecoder(Runtime.getRuntime().availableProcessors());

    private final int threads;
    private final ExecutorService workers;
    private final HevcDecoderPool decoders;

    public HeifDecoder(int threads) {
        this.threads = Math.max(1, threads);
        this.workers = Executors.newFixedThreadPool(this.threads, task -> {
            Thread thread = new Thread(task, "heif-tile-decoder");
            thread.setDaemon(true);
            return thread;
        });
        this.decoders = new HevcDecoderPool(this.threads);
    }

    /** One decoder for the process, with a worker per processor. */
    public static HeifDecoder shared() {
        return SHARED;
    }

    /** True when the bytes are a HEIF file (by content, whatever the file is called). */
    public static boolean isHeif(byte[] file) {
        return HeifContainer.isHeif(file);
    }

    /** Reads the structure and the displayed size, without decoding any pixels. */
    public HeifImage read(byte[] file) throws HeifException {
        PrimaryImage primary = HeifContainer.parse(file);
        int width = primary.image().width();
        int height = primary.image().height();
        for (Transform transform : primary.transforms()) {
            if (transform instanceof Crop crop) {
                width = crop.width();
                height = crop.height();
            } else if (transform instanceof Rotation rotation && rotation.quarterTurns() % 2 == 1) {
                int swap = width;
                width = height;
                height = swap;
            }
        }
        return new HeifImage(primary, width, height);
    }

    /**
     * Decodes the image reduced by a whole factor near {@code reduction} (each output pixel the
     * mean of a block of pixels), upright as the file's transforms say, in its own colour space
     * (the ICC profile, if any), with alpha if the file has it.
     */
    public BufferedImage decode(HeifImage heif, int reduction) throws HeifException {
        PrimaryImage primary = heif.primary();
        StoredImage stored = primary.image();
        int factor = usableReduction(stored, reduction);
        Nclx nclx = primary.nclx().orElse(null);
        Pixels pixels = assemble(stored, factor, nclx, false);
        if (primary.alpha().isPresent()) {
            StoredImage alpha = primary.alpha().get();
            if (alpha.width() == stored.width() && alpha.height() == stored.height()
                    && usableReduction(alpha, factor) == factor) {
                Pixels alphaPixels = assemble(alpha, factor, null, true);
                int[] colour = pixels.data();
                int[] mask = alphaPixels.data();
                for (int i = 0; i < colour.length; i++) {
                    colour[i] = (colour[i] & 0xffffff) | (mask[i] & 0xff000000);
                }
            }
        }
        if (primary.iccProfile().isEmpty() && nclx != null) {
            WideGamutToSrgb gamut = WideGamutToSrgb.forPrimaries(nclx.primaries());
            if (gamut != null) {
                gamut.apply(pixels.data());
            }
        }
        for (Transform transform : primary.transforms()) {
            if (transform instanceof Crop crop) {
                int left = Math.min(crop.left() / factor, pixels.width() - 1);
                int top = Math.min(crop.top() / factor, pixels.height() - 1);
                pixels = pixels.crop(left, top, Math.max(1, Math.min(pixels.width() - left, crop.width() / factor)),
                        Math.max(1, Math.min(pixels.height() - top, crop.height() / factor)));
            } else if (transform instanceof Rotation rotation) {
                pixels = pixels.rotateAntiClockwise(rotation.quarterTurns());
            } else if (transform instanceof Mirror mirror) {
                pixels = mirror.leftRight() ? pixels.mirrorLeftRight() : pixels.mirrorTopBottom();
            }
        }
        return image(pixels, primary.alpha().isPresent(), primary.iccProfile().orElse(null));
    }

    /**
     * Tiles are reduced one by one, so the factor must divide the tile size (a block never spans
     * two tiles): the smallest such factor at least {@code wanted}, or the largest below it.
     */
    static int usableReduction(StoredImage stored, int wanted) {
        if (wanted <= 1 || !stored.isGrid()) {
            return Math.max(1, wanted);
        }
        for (int f = wanted; f <= 4 * wanted; f++) {
            if (stored.tileWidth() % f == 0 && stored.tileHeight() % f == 0) {
                return f;
            }
        }
        for (int f = wanted - 1; f > 1; f--) {
            if (stored.tileWidth() % f == 0 && stored.tileHeight() % f == 0) {
                return f;
            }
        }
        return 1;
    }

    private Pixels assemble(StoredImage stored, int factor, Nclx nclx, boolean alpha) throws HeifException {
        int width = (stored.width() + factor - 1) / factor;
        int height = (stored.height() + factor - 1) / factor;
        if ((long) width * height > MAX_DECODED_PIXELS) {
            throw new HeifException("The HEIF image is " + stored.width() + " x " + stored.height()
                    + " pixels, too large to decode.");
        }
        int[] target = new int[width * height];
        List<CodedPicture> pictures = stored.pictures();
        List<Future<?>> tasks = new ArrayList<>(pictures.size());
        for (int i = 0; i < pictures.size(); i++) {
            int column = i % stored.columns();
            int row = i / stored.columns();
            CodedPicture picture = pictures.get(i);
            String name = pictures.size() == 1 ? "image" : "grid tile " + (i + 1) + " of " + pictures.size();
            tasks.add(workers.submit(() -> {
                HevcPicture decoded = decodePicture(picture, name);
                int atX = column * stored.tileWidth() / factor;
                int atY = row * stored.tileHeight() / factor;
                int tileWidth = Math.min(stored.tileWidth(), stored.width() - column * stored.tileWidth());
                int tileHeight = Math.min(stored.tileHeight(), stored.height() - row * stored.tileHeight());
                if (decoded.width() < tileWidth || decoded.height() < tileHeight) {
                    throw new HeifException("The HEIF " + name + " decodes to " + decoded.width() + " x "
                            + decoded.height() + " pixels, less than the " + tileWidth + " x " + tileHeight + " it must cover.");
                }
                if (alpha) {
                    YCbCrToRgb.mergeAlpha(decoded, tileWidth, tileHeight, factor, target, width, height, atX, atY);
                } else {
                    converter(decoded, nclx).convert(decoded, tileWidth, tileHeight, factor, target, width, height, atX, atY);
                }
                return null;
            }));
        }
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tasks.forEach(t -> t.cancel(true));
            throw new HeifException("Decoding the HEIF image was interrupted.", e);
        } catch (ExecutionException e) {
            tasks.forEach(t -> t.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof HeifException heif) {
                throw heif;
            }
            if (cause instanceof OutOfMemoryError) {
                throw (OutOfMemoryError) cause;
            }
            throw new HeifException("The HEIF image could not be decoded (" + cause + ").", cause);
        }
        return new Pixels(target, width, height);
    }

    private HevcPicture decodePicture(CodedPicture picture, String name) throws HeifException {
        try {
            return decoders.decode(picture.nalUnits());
        } catch (HevcDecodingException e) {
            throw new HeifException("The HEIF " + name + " is damaged and cannot be decoded: " + e.getMessage() + ".", e);
        }
    }

    /** The file's {@code nclx} colour description wins over the HEVC stream's own (as libheif does). */
    private static YCbCrToRgb converter(HevcPicture picture, Nclx nclx) {
        if (nclx != null) {
            return new YCbCrToRgb(nclx.matrix(), nclx.fullRange());
        }
        return new YCbCrToRgb(picture.matrixCoefficients(), picture.fullRange());
    }

    private static BufferedImage image(Pixels pixels, boolean alpha, byte[] icc) throws HeifException {
        ColorModel model;
        if (icc == null) {
            model = alpha ? ColorModel.getRGBdefault() : new DirectColorModel(24, 0xff0000, 0xff00, 0xff);
        } else {
            ICC_ColorSpace space;
            try {
                space = new ICC_ColorSpace(ICC_Profile.getInstance(icc));
            } catch (IllegalArgumentException e) {
                return image(pixels, alpha, null); // a broken profile: show the pixels as sRGB
            }
            if (space.getNumComponents() != 3) {
                return image(pixels, alpha, null);
            }
            model = new DirectColorModel(space, alpha ? 32 : 24, 0xff0000, 0xff00, 0xff, alpha ? 0xff000000 : 0,
                    false, DataBuffer.TYPE_INT);
        }
        int[] masks = alpha ? new int[] {0xff0000, 0xff00, 0xff, 0xff000000} : new int[] {0xff0000, 0xff00, 0xff};
        WritableRaster raster = Raster.createWritableRaster(new SinglePixelPackedSampleModel(DataBuffer.TYPE_INT,
                pixels.width(), pixels.height(), masks), new DataBufferInt(pixels.data(), pixels.data().length), null);
        return new BufferedImage(model, raster, false, null);
    }
}
