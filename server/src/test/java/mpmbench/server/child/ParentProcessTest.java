package mpmbench.server.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parent's pid from /proc/self/stat: the real one, read again and again, and odd process names. */
class ParentProcessTest {

    @Test
    void readsThisProcessParentAgainAndAgain() throws Exception {
        long expected = ProcessHandle.current().parent().orElseThrow().pid();
        try (ParentProcess parent = ParentProcess.open()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(expected, parent.pid());
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1234 (java) S 77 1234 1234 0 -1|77",
        "1234 (a) b) S 88 1 1|88",          // a name with ") " in it: the fields count from the last ')'
        "1234 (x y) R 1 0 0|1",
        "1234 (java) S 77|-1",               // cut off after the pid: not a whole field
        "1234 java S 77 1|-1",
        "1234 (java) S x1 1|-1",
    })
    void takesTheFourthFieldAfterTheLastParenthesis(String stat, long ppid) {
        byte[] b = stat.getBytes(StandardCharsets.US_ASCII);
        assertEquals(ppid, ParentProcess.parentPid(b, b.length));
    }
}
