package mpmbench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a new user types first, through the real launcher and the built jars (failsafe runs this
 * after {@code package}): every command of {@code scripts/mpmbench --help} and every script in
 * scripts/ answers {@code --help} (usage on stdout, nothing on stderr, exit 0) and {@code -V} (the
 * one version line, exit 0). The lists are read from the launcher and the folder, so a command or
 * script added later is covered without touching this test. {@code MPMBENCH_NO_BUILD=1}: the jars
 * are the ones this build just packaged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherHelpIT {

    private static final Path ROOT = Path.of(System.getProperty("mpmbench.root", "../..")).toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("scripts/mpmbench");

    private record Run(int status, String out, String err) {
    }

    /** The names under "Commands:" in the launcher's help. */
    List<String> commands() throws Exception {
        List<String> names = new ArrayList<>();
        boolean in = false;
        for (String line : run(List.of(LAUNCHER.toString(), "--help")).out().split("\n")) {
            if (line.equals("Commands:")) {
                in = true;
            } else if (in && line.isBlank()) {
                break;
            } else if (in && line.matches("  [a-z][a-z-]*  .*")) {
                names.add(line.strip().split("\\s+")[0]);
            }
        }
        return names;
    }

    /** Every executable file directly in scripts/: the launcher and its sibling scripts. */
    List<String> scripts() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("scripts"))) {
            return s.filter(Files::isRegularFile).filter(Files::isExecutable)
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theLauncherListsItsCommandsAndRefusesOthersByTheSameList() throws Exception {
        List<String> commands = commands();
        assertTrue(commands.containsAll(List.of("serve", "load", "suite", "report", "micro")), commands.toString());
        Run unknown = run(List.of(LAUNCHER.toString(), "no-such-command"));
        assertEquals(2, unknown.status());
        assertEquals("mpmbench: unknown command 'no-such-command'; accepted: " + String.join(", ", commands)
                + " (see mpmbench --help)\n", unknown.err());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandAnswersHelpOnStdoutWithOneMpmbenchPrefix(String command) throws Exception {
        for (String flag : List.of("--help", "-h")) {
            Run r = run(List.of(LAUNCHER.toString(), command, flag));
            assertEquals(0, r.status(), command + " " + flag + ": " + r.err());
            assertEquals("", r.err(), command + " " + flag + " writes nothing to stderr");
            assertTrue(r.out().startsWith("Usage: mpmbench " + command + " "), command + " " + flag + ":\n" + r.out());
            assertFalse(r.out().contains("mpmbench mpmbench"), r.out());
            assertFalse(r.out().contains("\u001b["), "no escape codes: " + r.out());
            assertFalse(r.out().matches("(?s).*\\bnull\\b.*"), "picocli left no ${...} unresolved: " + r.out());
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandAnswersVersion(String command) throws Exception {
        String version = version();
        for (String flag : List.of("-V", "--version")) {
            Run r = run(List.of(LAUNCHER.toString(), command, flag));
            assertEquals(new Run(0, version, ""), r, command + " " + flag);
        }
    }

    /**
     * A misspelt flag is named as unknown, with the flag meant, in one line and exit 2; before the
     * missing required option or operand it left behind. {@code ctl} and {@code micro} pass what they
     * do not know on (to serve with {@code -k start}, to JMH), and say so in their own words.
     */
    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandNamesAMisspeltFlagAndTheOneMeant(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(LAUNCHER.toString(), command));
        if (command.equals("ctl")) {
            args.addAll(List.of("-k", "status"));
        }
        args.add("--hepl");
        Run r = run(args);
        assertEquals(2, r.status(), command + ": " + r.err());
        assertEquals("", r.out(), command);
        String expected = switch (command) {
            case "ctl" -> "mpmbench ctl: only -k start takes serve options; got --hepl; did you mean --help?\n";
            case "micro" -> r.err(); // JMH's message, checked below
            default -> "mpmbench " + command + ": Unknown option: '--hepl'; did you mean --help? (see mpmbench "
                    + command + " --help)\n";
        };
        assertEquals(expected, r.err(), command);
        assertTrue(r.err().lines().count() == 1 && r.err().contains("hepl") && r.err().contains("did you mean --help?"),
                command + ": " + r.err());
    }

    @Test
    void serveNamesTheMisspeltModelFlagRatherThanTheMissingOne() throws Exception {
        Run r = run(List.of(LAUNCHER.toString(), "serve", "--mmp", "event"));
        assertEquals(new Run(2, "", "mpmbench serve: Unknown option: '--mmp'; did you mean --mpm? (see mpmbench serve"
                + " --help)\n"), r);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void everyScriptAnswersHelpAndVersionWithoutStartingAnything(String script) throws Exception {
        Path path = ROOT.resolve("scripts").resolve(script);
        Run help = run(List.of(path.toString(), "--help"));
        assertEquals(0, help.status(), script + ": " + help.err());
        assertEquals("", help.err(), script);
        String usage = script.equals("mpmbench") ? "Usage: mpmbench " : "Usage: scripts/" + script + " ";
        assertTrue(help.out().startsWith(usage), script + ":\n" + help.out());
        assertEquals(new Run(0, version(), ""), run(List.of(path.toString(), "-V")), script + " -V");
    }

    @Test
    void microListsEveryBenchmarkOnce() throws Exception {
        Run r = run(List.of(LAUNCHER.toString(), "micro", "-l"));
        assertEquals(0, r.status(), r.err());
        List<String> lines = Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith("mpmbench.")).toList();
        assertTrue(lines.size() > 10, r.out());
        assertEquals(lines.size(), new HashSet<>(lines).size(), r.out());
    }

    /** The httpd peers' real files, with the Defines scripts/lib/peers.sh starts httpd with. */
    @ParameterizedTest
    @ValueSource(strings = {"prefork", "worker", "event"})
    void thePeersHttpdFilesLoadWithPrintConfig(String mpm) throws Exception {
        Path peers = ROOT.resolve("scripts/peers");
        Run r = run(List.of(LAUNCHER.toString(), "serve", "--mpm", mpm, "--config",
                peers.resolve("httpd-" + mpm + ".conf").toString(), "-D", "PEER_PORT=18080", "-D", "PEER_RUN=/tmp/peer",
                "-D", "PEER_DOCROOT=/tmp/peer/www", "-D", "PEER_CONF=" + peers, "--print-config"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("MaxRequestWorkers 150 (file " + peers.resolve("httpd-" + mpm + ".conf") + ":"),
                r.out());
        assertTrue(r.out().contains("Listen 127.0.0.1:18080 (file " + peers.resolve("httpd-common.inc") + ":"), r.out());
        assertTrue(r.err().contains("mpmbench serve: warning: " + peers.resolve("httpd-common.inc") + ":")
                && r.err().contains("ErrorLog (httpd's core.c) is ignored"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prefork", "worker", "event", "virtual"})
    void theSampleConfigsLoadQuietlyAndListenIsLabelled(String mpm) throws Exception {
        Run r = run(List.of(LAUNCHER.toString(), "serve", "--mpm", mpm, "--config",
                ROOT.resolve("server/conf/" + mpm + ".conf").toString(), "--listen", "127.0.0.1:9000", "--print-config"));
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("Listen 127.0.0.1:9000 (--listen)"), r.out());
        assertTrue(r.out().contains("MaxKeepAliveRequests 100 (file "), r.out());
    }

    private String version() throws Exception {
        Run r = run(List.of(LAUNCHER.toString(), "-V"));
        assertTrue(r.out().matches("mpmbench \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), r.out());
        return r.out();
    }

    private static Run run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().put("MPMBENCH_NO_BUILD", "1");
        Path out = Files.createTempFile("launcher-out", ".txt");
        Path err = Files.createTempFile("launcher-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not end within 60 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
