package mpmbench.server.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildArchiveTest {

    @TempDir
    Path dir;

    @Test
    void onlyASingleJarGetsACacheAndItsNameFollowsTheFlags() throws Exception {
        assertNull(ChildArchive.cachePath(List.of(), "target/classes"));
        assertNull(ChildArchive.cachePath(List.of(), "a.jar:b.jar"));
        Path jar = Files.write(dir.resolve("server.jar"), new byte[] {1, 2, 3});
        Path serial = ChildArchive.cachePath(List.of("-XX:+UseSerialGC"), jar.toString());
        Path parallel = ChildArchive.cachePath(List.of("-XX:+UseParallelGC"), jar.toString());
        assertEquals(dir, serial.getParent());
        assertTrue(serial.getFileName().toString().startsWith("server.jar.") && serial.toString().endsWith(".aot"));
        assertNotEquals(serial, parallel);
    }

    @Test
    void theTrainingRunServesItsRequestsAndExits() throws Exception {
        Process p = new ProcessBuilder(ChildCommand.java(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "mpmbench.server.child.ChildTraining").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "training run did not end");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
    }
}
