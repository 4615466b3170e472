package mpmbench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * scripts/measure-loadgen refuses a bad setting before it starts anything: one line naming the variable
 * and what it accepts, exit 2 (its sections, the numbers, SYSCALL_GATE, OLD_JAR).
 */
class MeasureLoadgenInputTest {

    private static final Path ROOT = Path.of(System.getProperty("mpmbench.root", "../..")).toAbsolutePath().normalize();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SECTIONS=saturation tsl | SECTIONS must list some of: saturation whole rates stall tls syscalls idle; got 'tsl'",
            "ROUNDS=0 | ROUNDS must be a whole number above 0, got '0'",
            "TLS_WARMUP=5s | TLS_WARMUP must be a whole number above 0, got '5s'",
            "SYSCALL_GATE=yes | SYSCALL_GATE must be 0 or 1, got 'yes'",
            "SYSCALL_GATE=1 | SYSCALL_GATE=1 needs syscalls in SECTIONS",
            "OLD_JAR=/nonexistent/mpmbench-loadgen.jar | OLD_JAR '/nonexistent/mpmbench-loadgen.jar': no such file (a built mpmbench-loadgen.jar)"})
    void a_bad_setting_is_one_line_and_exit_2(String setting, String message) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("scripts/measure-loadgen").toString());
        int eq = setting.indexOf('=');
        pb.environment().put(setting.substring(0, eq), setting.substring(eq + 1));
        if (setting.startsWith("SYSCALL_GATE=1")) {
            pb.environment().put("SECTIONS", "whole");
        }
        pb.environment().put("OUT", "/nonexistent/never-made"); // refused before anything is made
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertEquals("measure-loadgen: " + message + "\n", err);
    }
}
