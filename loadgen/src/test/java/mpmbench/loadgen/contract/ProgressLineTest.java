package mpmbench.loadgen.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The progress line: written as it always was, read back to the same values, anything else refused. */
class ProgressLineTest {

    @Test
    void eachKindIsWrittenAsBefore() {
        assertEquals("     1.0s warm-up      1123 req/s  errors 0  p99 0.053ms",
                new ProgressLine.Second(1.0, true, 1123, 0, 0.053).format());
        assertEquals("     4.0s                 0 req/s  errors 106  p99 10.671ms",
                new ProgressLine.Second(4.0, false, 0, 106, 10.671).format());
        assertEquals("     2.0s              1000 req/s  errors 1",
                new ProgressLine.Second(2, false, 1000, 1, Double.NaN).format(), "the agents' merged second");
        assertEquals("  warm-up over after 6.0s: steady", new ProgressLine.WarmupOver(6.04, true).format());
        assertEquals("  warm-up over after 15.0s", new ProgressLine.WarmupOver(15, false).format());
        assertEquals("  window over after 9.0s", new ProgressLine.WindowOver(8.96).format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "ar-EG"})
    void readsBackWhatItWritesInAnyLocale(String tag) {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag(tag));
        try {
            for (ProgressLine l : new ProgressLine[] {new ProgressLine.Second(12345.5, true, 987654321, 42, 1234.567),
                    new ProgressLine.Second(0.1, false, 0, 0, 0), new ProgressLine.Second(3, false, 7, 0, Double.NaN),
                    new ProgressLine.WarmupOver(6.5, true), new ProgressLine.WarmupOver(0, false),
                    new ProgressLine.WindowOver(21.5)}) {
                assertEquals(l, ProgressLine.parse(l.format()), l.format());
                assertEquals(l, ProgressLine.parse("\r" + l.format() + "   "), "rewritten in place on a terminal");
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aTerminalLineIsReadAfterItsLastCarriageReturn() {
        assertEquals(new ProgressLine.WarmupOver(6.0, false),
                ProgressLine.parse("\r       5.0s warm-up       100 req/s  errors 0  p99 1.000ms   \r  warm-up over after 6.0s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Running 10s test @ http://127.0.0.1:8080/hello", "  10 requests in 1.00s",
            "mpmbench load: -c/--connections must be >= -t/--threads (2), got 1",
            "     1.0s warm-up      x req/s  errors 0", "     1.0s            10 req/s  errors -1",
            "     1.0s            10 req/s  errors 0  p50 1.0ms", "     1.0s            10 req/s  errors 0  p99 NaNms",
            "   NaNs            10 req/s  errors 0", "  warm-up over after s", "  window over after 9.0",
            "  warm-up over after 1e3s", "  window over after 9.0s and more"})
    void anythingElseIsNoProgressLine(String line) {
        assertNull(ProgressLine.parse(line));
    }
}
