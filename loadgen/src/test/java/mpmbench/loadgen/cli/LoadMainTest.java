package mpmbench.loadgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mpmbench.loadgen.engine.TestServer;

/** Exit codes and messages of {@code mpmbench load}. */
class LoadMainTest {

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LoadMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--bogus http://127.0.0.1:1/|--bogus",
            "-t x http://127.0.0.1:1/|-t",
            "-d 10x http://127.0.0.1:1/|10x",
            "-t 4 -c 2 http://127.0.0.1:1/|-c/--connections",
            "--pipeline 0 http://127.0.0.1:1/|--pipeline",
            "--no-keepalive --pipeline 2 http://127.0.0.1:1/|--pipeline",
            "-R -5 http://127.0.0.1:1/|-R/--rate",
            "-R 0 http://127.0.0.1:1/|-R/--rate",
            "--io bogus http://127.0.0.1:1/|--io must be auto, nio or epoll, got 'bogus'",
            "--tls-engine boringssl https://127.0.0.1:1/|--tls-engine must be auto, openssl or jsse, got 'boringssl'",
            "--bind 127.0.0.9-127.0.0.2 http://127.0.0.1:1/|--bind",
            "ftp://127.0.0.1/|invalid URL 'ftp://127.0.0.1/'",
            "http:///nohost|invalid URL",
            "-t 1|URL",
    })
    void aBadFlagOrUrlIsOneLineNamingItAndExitTwo(String args, String named) {
        Outcome o = run(args.split(" "));
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains(named), o.err());
        assertTrue(!o.err().contains("Exception") && !o.err().contains("\tat "), o.err());
    }

    @Test
    void aRunThatCompletesNothingSaysSoAndExitsOne() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Outcome o = run("-t", "1", "-c", "1", "-d", "300ms", "--latency", "http://127.0.0.1:" + port + "/");
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("NO REQUEST COMPLETED"), o.out());
        assertTrue(!o.out().contains("Latency") && !o.out().contains("0.00us"), "no latency of nothing: " + o.out());
    }

    @Test
    void aGoodRunWritesEveryFileAndExitsZero(@TempDir Path dir) throws IOException {
        try (TestServer server = TestServer.answering(TestServer.HELLO)) {
            Path csv = dir.resolve("r.csv");
            Path json = dir.resolve("r.json");
            Path hgrm = dir.resolve("r.hgrm");
            Path hlog = dir.resolve("r.hlog");
            Outcome o = run("-t", "1", "-c", "2", "-d", "300ms", "-R", "200", "--latency",
                    "--csv", csv.toString(), "--json", json.toString(), "--hgrm", hgrm.toString(),
                    "--hlog", hlog.toString(), server.url("/hello"));
            assertEquals(0, o.code(), o.out() + o.err());
            assertTrue(o.out().contains("Requests/sec:"), o.out());
            List<String> rows = Files.readAllLines(csv);
            assertEquals(2, rows.size());
            assertTrue(rows.get(1).contains(",open,1,2,200.000,0.300,"), rows.get(1));
            assertTrue(Files.readString(json).contains("\"model\": \"open\""));
            assertTrue(Files.size(hgrm) > 0 && Files.size(hlog) > 0);
        }
    }
}
