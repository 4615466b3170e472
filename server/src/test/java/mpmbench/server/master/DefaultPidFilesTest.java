package mpmbench.server.master;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where serve's default pid file goes and how ctl reads an address back from its name. */
class DefaultPidFilesTest {

    @Test
    void theRunDirectoryIsXdgRuntimeDirsWhenItExistsElseOneOfTheUserInTmp(@TempDir Path runtime) {
        assertEquals(runtime.resolve("mpmbench"), DefaultPidFiles.directory(Map.of("XDG_RUNTIME_DIR", runtime.toString())));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "mpmbench-" + System.getProperty("user.name"));
        assertEquals(tmp, DefaultPidFiles.directory(Map.of("XDG_RUNTIME_DIR", runtime.resolve("absent").toString())));
        assertEquals(tmp, DefaultPidFiles.directory(Map.of()));
    }

    @Test
    void oneFilePerAddressAsBoundAndTheAddressReadsBackFromItsName() {
        Path file = DefaultPidFiles.forAddress("localhost", 8080);
        assertEquals("127.0.0.1-8080.pid", file.getFileName().toString());
        assertEquals(file, DefaultPidFiles.forAddress("127.0.0.1", 8080));
        assertEquals("127.0.0.1:8080", DefaultPidFiles.address(file));
        assertEquals("0.0.0.0:80", DefaultPidFiles.address(DefaultPidFiles.forAddress("0.0.0.0", 80)));
    }
}
