package family.gallery.heif.hevc;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.MemoryLimits;

/**
 * libde265, compiled to WebAssembly and from there to JVM bytecode ({@link HevcDecoderModule}),
 * decoding one coded picture at a time. An instance is not thread-safe and keeps the memory it
 * grew to; after a trap it must be discarded.
 */
public final class HevcDecoder implements AutoCloseable {

    /** Caps the decoder's memory (a Java array on the heap): enough for a 64 MP 4:2:0 picture. */
    static final int MAX_MEMORY_BYTES = 384 << 20;
    private static final int PAGE = 65536;

    // Offsets (in int32 fields) of the result block that hevc_decode returns.
    private static final int STATUS = 0, WIDTH = 1, HEIGHT = 2, CHROMA = 3, LUMA_BITS = 4, CHROMA_BITS = 5,
            PLANES = 6, MESSAGE = 12,
            FULL_RANGE = 13, MATRIX = 14;

    private final WasiPreview1 wasi;
    private final Instance instance;
    private final Memory memory;
    private final ExportFunction alloc;
    private final ExportFunction free;
    private final ExportFunction decode;

    public HevcDecoder() {
        // No files, no environment, no clock beyond WASI's defaults: the decoder needs none of them.
        wasi = WasiPreview1.builder().withOptions(WasiOptions.builder().build()).build();
        var module = HevcDecoderModule.load();
        int initialPages = module.memorySection().map(s -> s.getMemory(0).limits().initialPages()).orElse(1);
        instance = Instance.builder(module)
                .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                .withMachineFactory(HevcDecoderModule::create)
                .withMemoryFactory(ByteArrayMemory::new)
                .withMemoryLimits(new MemoryLimits(initialPages, MAX_MEMORY_BYTES / PAGE))
                .build();
        memory = instance.memory();
        alloc = instance.export("hevc_alloc");
        free = instance.export("hevc_free");
        decode = instance.export("hevc_decode");
    }

    /**
     * @param nalUnits NAL units each preceded by its length as 4 big-endian bytes: the parameter
     *                 sets, then the slices of one picture
     */
    public HevcPicture decode(byte[] nalUnits) throws HevcDecodingException {
        int input = 0;
        int result = 0;
        try {
            input = (int) alloc.apply(nalUnits.length)[0];
            if (input == 0) {
                throw new HevcDecodingException("the decoder ran out of memory for " + nalUnits.length + " bytes of HEVC data");
            }
            memory.write(input, nalUnits);
            result = (int) decode.apply(input, nalUnits.length)[0];
            if (result == 0) {
                throw new HevcDecodingException("the decoder ran out of memory");
            }
            return read(result);
        } catch (ChicoryException e) {
            throw new HevcDecodingException("the decoder stopped: " + e.getMessage(), e);
        } finally {
            release(result);
            release(input);
        }
    }

    private HevcPicture read(int result) throws HevcDecodingException {
        if (field(result, STATUS) != 0) {
            int message = field(result, MESSAGE);
            throw new HevcDecodingException(message == 0 ? "error " + field(result, STATUS) : memory.readCString(message));
        }
        int width = field(result, WIDTH);
        int height = field(result, HEIGHT);
        int chroma = field(result, CHROMA);
        int lumaBits = field(result, LUMA_BITS);
        int chromaBits = field(result, CHROMA_BITS);
        // A stream that does not signal its range (-1) is limited range, as libheif reads it.
        boolean fullRange = field(result, FULL_RANGE) == 1;
        int matrix = field(result, MATRIX);
        HevcPicture.Plane luma = plane(result, 0, height, lumaBits);
        if (chroma == HevcPicture.MONOCHROME) {
            return new HevcPicture(width, height, chroma, lumaBits, chromaBits, luma, null, null, fullRange, matrix);
        }
        int chromaHeight = chroma == HevcPicture.CHROMA_420 ? (height + 1) / 2 : height;
        return new HevcPicture(width, height, chroma, lumaBits, chromaBits, luma,
                plane(result, 1, chromaHeight, chromaBits), plane(result, 2, chromaHeight, chromaBits), fullRange, matrix);
    }

    private HevcPicture.Plane plane(int result, int index, int rows, int bits) {
        int pointer = field(result, PLANES + 2 * index);
        int stride = field(result, PLANES + 2 * index + 1);
        return new HevcPicture.Plane(memory.readBytes(pointer, stride * rows), stride, bits > 8 ? 2 : 1);
    }

    private int field(int result, int index) {
        return memory.readInt(result + 4 * index);
    }

    private void release(int pointer) {
        if (pointer != 0) {
            try {
                free.apply(pointer);
            } catch (ChicoryException e) {
                // the instance is broken anyway; its owner discards it
            }
        }
    }

    /** The decoder's memory as it has grown so far. */
    public long memoryBytes() {
        return (long) memory.pages() * PAGE;
    }

    @Override
    public void close() {
        wasi.close();
    }
}
