package family.gallery.heif.container;

import java.nio.charset.StandardCharsets;

import family.gallery.heif.HeifException;

/**
 * Reads big-endian fields and ISO base media file format boxes from a window of a byte array.
 * Every read is checked against the window, so a hostile length ends in a {@link HeifException}
 * naming the box, never in an array index error or a huge allocation.
 */
final class BoxReader {

    private final byte[] data;
    private final String where;
    private final int end;
    private int position;

    BoxReader(byte[] data, int start, int end, String where) {
        this.data = data;
        this.position = start;
        this.end = end;
        this.where = where;
    }

    /** One box: its type and the window of its payload. */
    record Box(String type, int start, int end) {
    }

    boolean hasMore() {
        return position < end;
    }

    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    Box nextBox() throws HeifException {
        int boxStart = position;
        long size = u32();
        String type = fourCc();
        if (size == 1) {
            size = u64();
        } else if (size == 0) {
            size = end - boxStart; // to the end of the enclosing window
        }
        int headerLength = position - boxStart;
        if (size < headerLength || size > end - boxStart) {
            throw truncated("the '" + type + "' box in " + where + " is " + size + " bytes long, beyond its end");
        }
        position = boxStart + (int) size;
        return new Box(type, boxStart + headerLength, position);
    }

    BoxReader inside(Box box) {
        return new BoxReader(data, box.start(), box.end(), "'" + box.type() + "'");
    }

    int u8() throws HeifException {
        need(1);
        return data[position++] & 0xff;
    }

    int u16() throws HeifException {
        need(2);
        int value = (data[position] & 0xff) << 8 | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    long u32() throws HeifException {
        need(4);
        long value = (long) (data[position] & 0xff) << 24 | (data[position + 1] & 0xff) << 16
                | (data[position + 2] & 0xff) << 8 | (data[position + 3] & 0xff);
        position += 4;
        return value;
    }

    long u64() throws HeifException {
        long high = u32();
        long value = high << 32 | u32();
        if (high > Integer.MAX_VALUE) {
            throw new HeifException("The HEIF file has an impossible 64-bit size in " + where + ".");
        }
        return value;
    }

    /** An unsigned field of 0, 4 or 8 bytes (iloc's sizes), as a long. */
    long sized(int bytes) throws HeifException {
        return switch (bytes) {
            case 0 -> 0;
            case 4 -> u32();
            case 8 -> u64();
            default -> throw new HeifException("The HEIF 'iloc' box uses a field size of " + bytes + " bytes, which is not allowed.");
        };
    }

    /** A u32 that must fit a non-negative int (ids, counts). */
    int u32AsInt() throws HeifException {
        long value = u32();
        if (value > Integer.MAX_VALUE) {
            throw new HeifException("The HEIF file has an impossible value " + value + " in " + where + ".");
        }
        return (int) value;
    }

    String fourCc() throws HeifException {
        need(4);
        String value = new String(data, position, 4, StandardCharsets.ISO_8859_1);
        position += 4;
        return value;
    }

    /** A NUL-terminated UTF-8 string, or the rest of the window if it has no NUL. */
    String cString() {
        int start = position;
        while (position < end && data[position] != 0) {
            position++;
        }
        String value = new String(data, start, position - start, StandardCharsets.UTF_8);
        if (position < end) {
            position++;
        }
        return value;
    }

    byte[] bytes(int length) throws HeifException {
        need(length);
        byte[] value = java.util.Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    byte[] rest() {
        byte[] value = java.util.Arrays.copyOfRange(data, position, end);
        position = end;
        return value;
    }

    void skip(int length) throws HeifException {
        need(length);
        position += length;
    }

    private void need(int length) throws HeifException {
        if (length < 0 || length > end - position) {
            throw truncated(where + " ends early");
        }
    }

    static HeifException truncated(String detail) {
        return new HeifException("The HEIF file is damaged or truncated: " + detail + ".");
    }
}
