package mpmbench.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code serve --make-aot-cache} from class folders (as tests run): there is no jar to keep a cache
 * beside, so it says so and trains nothing. The suite records this line in env.csv as it is.
 */
class AotCacheLineTest {

    @Test
    void withoutASingleJarThereIsNoCacheAndNoTrainingRun() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String line = AotCacheLine.make(List.of("-Xss512k"), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals("none (the server does not run from one writable jar)", line);
        assertEquals("", log.toString(StandardCharsets.UTF_8), "no training run was started");
    }
}
