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

    private static List<String> shellArray(String name) throws Exception {
        Path sh = Path.of("..", "scripts", "lib", "generator-jvm.sh");
        String line = Files.readAllLines(sh).stream().filter(l -> l.startsWith(name + "=("))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + "=( in " + sh));
        return Arrays.asList(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).trim().split("\\s+"));
    }

    @Test
    void theScriptsListsAreTheJavaLists() throws Exception {
        assertEquals(GeneratorJvm.OPTIONS, shellArray("GENERATOR_JVM_OPTS"));
        assertEquals(GeneratorJvm.OPEN_MODEL_OPTIONS, shellArray("GENERATOR_JVM_OPEN_OPTS"));
    }

    @Test
    void theOpenModelAddsItsOptionsAfterTheCommonOnes() {
        assertEquals(GeneratorJvm.OPTIONS, GeneratorJvm.options(false));
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), GeneratorJvm.options(true));
    }

    @Test
    void jitNamesTheCompilersOfThisJvm() {
        assertTrue(List.of("c1", "c1+c2").contains(GeneratorJvm.jit()), GeneratorJvm.jit());
    }
}
