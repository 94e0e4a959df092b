package family.gallery.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            albums/2026 summer/IMG_0001.jpg        | PHOTO          | 2026 summer
            albums/2026 summer/IMG_0001.JPG        | PHOTO          | 2026 summer
            albums/a/b.JpEg                        | PHOTO          | a
            albums/a/b.png                         | PHOTO          | a
            albums/a/b.webp                        | PHOTO          | a
            albums/a/b.GIF                         | PHOTO          | a
            albums/a/b.heic                        | PHOTO          | a
            albums/a/b.HEIF                        | PHOTO          | a
            albums/a/b.HIF                         | PHOTO          | a
            albums/a/IMG_1234.HEIC                 | PHOTO          | a
            albums/a/b.tif                         | PHOTO          | a
            albums/a/b.tiff                        | PHOTO          | a
            albums/trips/2025/rome/forum.jpg       | PHOTO          | trips/2025/rome
            albums/旅行/写真 😀.jpg                  | PHOTO          | 旅行
            albums/a/clip.mp4                      | VIDEO          | a
            albums/a/clip.MOV                      | VIDEO          | a
            albums/a/clip.m4v                      | VIDEO          | a
            albums/a/album.yml                     | ALBUM_METADATA | a
            albums/trips/2025/album.yml            | ALBUM_METADATA | trips/2025
            albums/a/Album.yml                     | IGNORED        | a
            albums/a/.DS_Store                     | IGNORED        |
            albums/a/Thumbs.db                     | IGNORED        |
            albums/a/thumbs.DB                     | IGNORED        |
            albums/a/desktop.ini                   | IGNORED        |
            albums/a/._IMG_0001.jpg                | IGNORED        |
            albums/a/.hidden.jpg                   | IGNORED        |
            albums/a/.git/x.jpg                    | IGNORED        |
            albums/a/@eaDir/x.jpg                  | IGNORED        |
            albums/__MACOSX/a/x.jpg                | IGNORED        |
            albums/a/                              | IGNORED        |
            albums/a/b/                            | IGNORED        |
            albums/a//x.jpg                        | IGNORED        |
            albums/x.jpg                           | IGNORED        |
            albums/                                | IGNORED        |
            photos/a/x.jpg                         | IGNORED        |
            x.jpg                                  | IGNORED        |
            albums/a/notes.txt                     | IGNORED        | a
            albums/a/no-extension                  | IGNORED        | a
            """)
    void classifiesKeys(String key, MediaKey.Kind kind, String album) {
        MediaKey mediaKey = MediaKey.of(key);
        assertEquals(kind, mediaKey.kind(), key);
        assertEquals(album == null ? "" : album, mediaKey.album(), key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            albums/a/b.jpg          | b.jpg  | albums/a/
            albums/x/y z/Ä 1.png    | Ä 1.png | albums/x/y z/
            """)
    void knowsFileNameAndAlbumPrefix(String key, String fileName, String prefix) {
        MediaKey mediaKey = MediaKey.of(key);
        assertEquals(fileName, mediaKey.fileName());
        assertEquals(prefix, mediaKey.albumPrefix());
    }
}
