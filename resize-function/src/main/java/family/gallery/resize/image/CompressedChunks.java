package family.gallery.resize.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Refuses PNGs whose compressed metadata (zTXt, compressed iTXt, iCCP) would expand beyond a cap:
 * a few kilobytes of such a chunk can inflate to gigabytes in the metadata readers, which have no
 * limit of their own. Counted by inflating into a small buffer that is thrown away.
 */
final class CompressedChunks {

    /** Far above any real profile or caption (an ICC profile is rarely over 1 MB). */
    static final int MAX_INFLATED_BYTES = 8 << 20;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private CompressedChunks() {
    }

    static void check(byte[] file) throws UnrenderablePhotoException {
        if (!isPng(file)) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(file);
        int position = PNG_SIGNATURE.length;
        long inflated = 0;
        while (position + 8 <= file.length) {
            long length = Integer.toUnsignedLong(buffer.getInt(position));
            String type = new String(file, position + 4, 4, StandardCharsets.ISO_8859_1);
            int data = position + 8;
            if (length > file.length - data) {
                return; // truncated: the decoder names that problem
            }
            int compressed = compressedDataStart(type, file, data, (int) length);
            if (compressed >= 0) {
                inflated += inflatedSize(file, compressed, data + (int) length, MAX_INFLATED_BYTES - inflated);
                if (inflated > MAX_INFLATED_BYTES) {
                    throw new UnrenderablePhotoException(String.format(Locale.ROOT,
                            "The PNG's compressed metadata (%s) expands to more than %d MB: refused as a decompression bomb.",
                            type, MAX_INFLATED_BYTES >> 20));
                }
            }
            if (type.equals("IEND")) {
                return;
            }
            position = data + (int) length + 4; // the CRC follows the data
        }
    }

    private static boolean isPng(byte[] file) {
        if (file.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (file[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Where the zlib stream of a compressed metadata chunk starts, or -1 for other chunks. */
    private static int compressedDataStart(String type, byte[] file, int data, int length) {
        int end = data + length;
        int keywordEnd = indexOfZero(file, data, end);
        if (keywordEnd < 0) {
            return -1;
        }
        return switch (type) {
            // keyword, 0, compression method, zlib data
            case "zTXt", "iCCP" -> keywordEnd + 2 <= end ? keywordEnd + 2 : -1;
            // keyword, 0, compression flag, method, language tag, 0, translated keyword, 0, text
            case "iTXt" -> {
                if (keywordEnd + 2 >= end || file[keywordEnd + 1] != 1) {
                    yield -1;
                }
                int language = indexOfZero(file, keywordEnd + 3, end);
                int translated = language < 0 ? -1 : indexOfZero(file, language + 1, end);
                yield translated < 0 ? -1 : translated + 1;
            }
            default -> -1;
        };
    }

    private static int indexOfZero(byte[] file, int from, int end) {
        for (int i = from; i < end; i++) {
            if (file[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes the zlib stream expands to, counting no further than just past {@code limit}. */
    private static long inflatedSize(byte[] file, int from, int to, long limit) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(file, from, to - from);
            byte[] scratch = new byte[64 << 10];
            long total = 0;
            while (!inflater.finished() && total <= limit) {
                int count = inflater.inflate(scratch);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                total += count;
            }
            return total;
        } catch (DataFormatException damaged) {
            return 0; // not inflatable at all: nothing to fear from it
        } finally {
            inflater.end();
        }
    }
}
