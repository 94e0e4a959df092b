package family.gallery.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCredentialsTest {

    @Test
    void aDataFolderKeepsItsOwnPairReadableByItsOwnerAlone(@TempDir Path one, @TempDir Path other) throws IOException {
        LocalCredentials first = LocalCredentials.keptIn(one);
        assertEquals(first, LocalCredentials.keptIn(one), "a restart keeps the pair");
        assertNotEquals(first.secretAccessKey(), LocalCredentials.keptIn(other).secretAccessKey());
        assertNotEquals(first.accessKeyId(), LocalCredentials.keptIn(other).accessKeyId());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(one.resolve(LocalCredentials.FILE))));
        assertEquals(20, first.accessKeyId().length());
        assertEquals(40, first.secretAccessKey().length());
        assertFalse(first.toString().contains(first.secretAccessKey()), "the secret never reaches a log");
    }

    @Test
    void aDamagedFileIsNamedWithWhatToDo(@TempDir Path data) throws IOException {
        Files.writeString(data.resolve(LocalCredentials.FILE), "accessKeyId=LOCALABC\n");
        LocalAwsException damaged = assertThrows(LocalAwsException.class, () -> LocalCredentials.keptIn(data));
        assertTrue(damaged.getMessage().contains(LocalCredentials.FILE) && damaged.getMessage().contains("lacks secretAccessKey")
                && damaged.getMessage().contains("delete the file"), damaged.getMessage());
    }

    @Test
    void stacksThatKeepNothingGetPairsOfTheirOwn() {
        assertNotEquals(LocalCredentials.random(), LocalCredentials.random());
    }
}
