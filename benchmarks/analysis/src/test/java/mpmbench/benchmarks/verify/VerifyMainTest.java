package mpmbench.benchmarks.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mpmbench verify} on real rows: per-rule counts, each breaking row, and its exit codes. */
class VerifyMainTest {

    private record Run(int code, String out, String err) {
    }

    private static Run verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(VerifyMainTest.class.getResource("/fixture/schemas/" + name).toURI()).toString();
    }

    @Test
    void rows_that_break_a_rule_are_counted_and_listed_and_exit_1() throws URISyntaxException {
        Run run = verify(fixture("v2"));
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().contains("schema 2, 5 rows: 2 rows break an invariant"), run.out());
        assertTrue(run.out().contains("  non-negative           1\n"), run.out());
        assertTrue(run.out().contains("  ok-achieved-rate       1\n"), run.out());
        assertTrue(run.out().contains("  hello_httpd-event_c256_r1: non-negative: cpu_us_per_req -152.459"), run.out());
    }

    @Test
    void a_folder_that_keeps_every_rule_exits_0(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("env.csv"), "key,value\nschema_version,2\ncores,2\n");
        Files.writeString(tmp.resolve("summary.csv"), "scenario,target,connections,rate,idle,repeat,status,requests,rps\n"
                + "hello,java-event,16,0,0,1,ok,1000,500\n");
        Run run = verify(tmp.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("1 rows: every rule kept"), run.out());
    }

    @Test
    void an_unreadable_folder_or_a_bad_flag_exits_2_with_one_line(@TempDir Path tmp) throws URISyntaxException {
        Run missing = verify(tmp.resolve("nope").toString(), fixture("v2"));
        assertEquals(2, missing.code());
        assertEquals("mpmbench verify: " + tmp.resolve("nope") + ": no such folder\n", missing.err());
        assertTrue(missing.out().contains("schema 2"), "the other folder is still verified");
        Run flag = verify("--bogus", fixture("v2"));
        assertEquals(2, flag.code());
        assertTrue(flag.err().startsWith("mpmbench verify: Unknown option: '--bogus'"), flag.err());
        Run help = verify("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("cpu-within-cores") && help.out().contains("Exit codes:"), help.out());
    }
}
