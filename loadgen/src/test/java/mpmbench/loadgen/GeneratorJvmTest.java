package mpmbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shell scripts start the load generator with the options the Java side starts it with. */
class GeneratorJvmTest {

    @Test
    void theScriptsListIsTheJavaList() throws Exception {
        Path sh = Path.of("..", "scripts", "lib", "generator-jvm.sh");
        String line = Files.readAllLines(sh).stream().filter(l -> l.startsWith("GENERATOR_JVM_OPTS=("))
                .findFirst().orElseThrow(() -> new AssertionError("no GENERATOR_JVM_OPTS=( in " + sh));
        String inner = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).trim();
        List<String> fromShell = Arrays.asList(inner.split("\\s+"));
        assertEquals(GeneratorJvm.OPTIONS, fromShell);
    }

    @Test
    void jitNamesTheCompilersOfThisJvm() {
        assertTrue(List.of("c1", "c1+c2").contains(GeneratorJvm.jit()), GeneratorJvm.jit());
    }
}
