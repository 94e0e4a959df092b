package family.gallery.heif;

/** Packed ARGB pixels, row by row: what the HEIF transforms (crop, rotate, mirror) work on. */
record Pixels(int[] data, int width, int height) {

    Pixels crop(int left, int top, int cropWidth, int cropHeight) {
        if (left == 0 && top == 0 && cropWidth == width && cropHeight == height) {
            return this;
        }
        int[] out = new int[cropWidth * cropHeight];
        for (int y = 0; y < cropHeight; y++) {
            System.arraycopy(data, (top + y) * width + left, out, y * cropWidth, cropWidth);
        }
        return new Pixels(out, cropWidth, cropHeight);
    }

    /** Turns the picture {@code quarterTurns} x 90 degrees anti-clockwise, as HEIF's {@code irot} says. */
    Pixels rotateAntiClockwise(int quarterTurns) {
        int turns = Math.floorMod(quarterTurns, 4);
        if (turns == 0) {
            return this;
        }
        boolean swaps = turns % 2 == 1;
        int outWidth = swaps ? height : width;
        int outHeight = swaps ? width : height;
        int[] out = new int[data.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int to = switch (turns) {
                    case 1 -> (width - 1 - x) * outWidth + y;
                    case 2 -> (height - 1 - y) * outWidth + (width - 1 - x);
                    default -> x * outWidth + (height - 1 - y);
                };
                out[to] = data[y * width + x];
            }
        }
        return new Pixels(out, outWidth, outHeight);
    }

    /** Swaps left and right. */
    Pixels mirrorLeftRight() {
        int[] out = new int[data.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + width - 1 - x] = data[y * width + x];
            }
        }
        return new Pixels(out, width, height);
    }

    /** Swaps top and bottom. */
    Pixels mirrorTopBottom() {
        int[] out = new int[data.length];
        for (int y = 0; y < height; y++) {
            System.arraycopy(data, y * width, out, (height - 1 - y) * width, width);
        }
        return new Pixels(out, width, height);
    }
}
