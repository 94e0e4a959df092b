package family.gallery.resize.image;

import com.sksamuel.scrimage.ImmutableImage;

/** EXIF orientation (tag 0x0112): how the stored pixels must be turned to show the scene upright. */
public enum Orientation {
    NORMAL, FLIP_HORIZONTAL, ROTATE_180, FLIP_VERTICAL, TRANSPOSE, ROTATE_90_CLOCKWISE, TRANSVERSE, ROTATE_90_COUNTERCLOCKWISE;

    /** The EXIF value 1 to 8; anything else (absent, 0, garbage) means as stored. */
    public static Orientation ofExif(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /** True when width and height trade places on display. */
    public boolean swapsAxes() {
        return ordinal() >= TRANSPOSE.ordinal();
    }

    public ImmutableImage upright(ImmutableImage stored) {
        return switch (this) {
            case NORMAL -> stored;
            case FLIP_HORIZONTAL -> stored.flipX();
            case ROTATE_180 -> stored.rotateRight().rotateRight();
            case FLIP_VERTICAL -> stored.flipY();
            case TRANSPOSE -> stored.rotateRight().flipX();
            case ROTATE_90_CLOCKWISE -> stored.rotateRight();
            case TRANSVERSE -> stored.rotateLeft().flipX();
            case ROTATE_90_COUNTERCLOCKWISE -> stored.rotateLeft();
        };
    }
}
