package family.gallery.heif.hevc;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decoders kept between pictures, at most one per thread that decodes: creating one costs a
 * module instantiation, reusing one costs nothing. A decoder whose memory grew past
 * {@link #KEEP_BELOW_BYTES} (after a large single-picture HEIC) is dropped instead of kept, so
 * an idle function does not hold that memory; one that failed is dropped too, since a trap can
 * leave its state inconsistent.
 */
public final class HevcDecoderPool {

    static final long KEEP_BELOW_BYTES = 64L << 20;

    private final BlockingQueue<HevcDecoder> idle;

    public HevcDecoderPool(int size) {
        idle = new ArrayBlockingQueue<>(size);
    }

    public HevcPicture decode(byte[] nalUnits) throws HevcDecodingException {
        HevcDecoder decoder = idle.poll();
        if (decoder == null) {
            decoder = new HevcDecoder();
        }
        boolean reusable = false;
        try {
            HevcPicture picture = decoder.decode(nalUnits);
            reusable = decoder.memoryBytes() < KEEP_BELOW_BYTES;
            return picture;
        } finally {
            if (!reusable || !idle.offer(decoder)) {
                decoder.close();
            }
        }
    }
}
