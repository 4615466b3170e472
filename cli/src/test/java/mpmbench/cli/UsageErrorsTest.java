package mpmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * The one line a bad command line gets, on a command shaped like {@code serve} (a required option)
 * and one like {@code ctl} (it collects what it does not know): the real commands are checked
 * through the launcher by benchmarks' LauncherHelpIT.
 */
class UsageErrorsTest {

    @Command(name = "mpmbench serve", mixinStandardHelpOptions = true)
    static final class Serve implements Runnable {
        @Option(names = "--mpm", required = true, paramLabel = "MODEL")
        String mpm;
        @Option(names = "--listen", paramLabel = "HOST:PORT")
        String listen;
        @Option(names = "--pidfile", paramLabel = "FILE")
        String pidFile;
        @Option(names = "-k", paramLabel = "ACTION")
        String action;

        @Override
        public void run() {
        }
    }

    @Command(name = "mpmbench ctl")
    static final class Ctl implements Runnable {
        @Option(names = "-k", required = true, paramLabel = "ACTION")
        String action;
        @Unmatched
        List<String> rest = new ArrayList<>();

        @Override
        public void run() {
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // a misspelt required option is named as unknown, not as missing, with the one it is near
        "--mmp event|Unknown option: '--mmp'; did you mean --mpm?",
        "--mmp=event|Unknown option: '--mmp=event'; did you mean --mpm?",
        "--mpm event --lisen 127.0.0.1:1|Unknown option: '--lisen'; did you mean --listen?",
        "--mpm event --pid-file f|Unknown option: '--pid-file'; did you mean --pidfile?",
        "--mpm event --pid f|Unknown option: '--pid'; did you mean --pidfile?",
        "--mpm event --hepl|Unknown option: '--hepl'; did you mean --help?",
        "--mpm event -K x|Unknown option: '-K'; did you mean -k?",
        // nothing near: no guess; a short option is near every other one, so only the case counts
        "--mpm event --zzzzzz|Unknown option: '--zzzzzz'",
        "--mpm event -x|Unknown option: '-x'",
        "--mmp event --lisen x|Unknown options: '--mmp', '--lisen'; did you mean --mpm?",
        // what is not about an unknown option reads as picocli says it
        "--listen x|Missing required option: '--mpm=MODEL'",
        "--mpm event extra|Unmatched argument at index 2: 'extra'",
    })
    void serveNamesTheUnknownOptionBeforeTheMissingOne(String args, String expected) {
        assertEquals(new Outcome(2, "mpmbench serve: " + expected + " (see mpmbench serve --help)\n"),
                run(new Serve(), args.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--mpm event|Missing required option: '-k=ACTION'",
    })
    void aCommandThatCollectsUnknownArgumentsKeepsPicocliOrder(String args, String expected) {
        assertEquals(new Outcome(2, "mpmbench ctl: " + expected + " (see mpmbench ctl --help)\n"),
                run(new Ctl(), args.split(" ")));
    }

    private record Outcome(int status, String err) {
    }

    private static Outcome run(Object command, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = UsageErrors.install(new CommandLine(command));
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return new Outcome(cl.execute(args), err.toString());
    }
}
