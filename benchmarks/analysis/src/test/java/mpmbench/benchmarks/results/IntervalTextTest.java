package mpmbench.benchmarks.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A figure with its interval as people read it: the one home of that text, clipped bounds marked and explained. */
class IntervalTextTest {

    @Test
    void a_low_bound_stopped_at_zero_is_marked() {
        Intervals.Estimate e = Intervals.estimate(new double[] {5, 78073, 150000});
        assertEquals(0.0, e.low(), "the t-interval reached below zero and was stopped there");
        String text = IntervalText.of(e.median(), e.low(), e.high(), Numbers::short3);
        assertTrue(text.startsWith("78073 [0*, "), text);
        assertTrue(IntervalText.hasClipped(text));
        assertEquals("1.000 [0.752, 1.248] (n=3)", IntervalText.withRepeats(Intervals.estimate(new double[] {0.9, 1, 1.1}),
                v -> String.format(java.util.Locale.ROOT, "%.3f", v)));
    }

    @Test
    void nothing_is_marked_that_was_not_clipped() {
        assertEquals("0 [0, 0]", IntervalText.of(0, 0, 0, Numbers::short3), "every repeat 0");
        assertEquals("12 [10, 14]", IntervalText.of(12, 10, 14, Numbers::short3));
        assertEquals("12", IntervalText.of(12, Double.NaN, Double.NaN, Numbers::short3), "one repeat: no interval");
        assertEquals("", IntervalText.of(Double.NaN, Double.NaN, Double.NaN, Numbers::short3));
        assertFalse(IntervalText.hasClipped("12 [10, 14]"));
        assertEquals("n/a", IntervalText.withRepeats(Intervals.Estimate.EMPTY, Numbers::short3));
    }

    @Test
    void the_note_says_why_a_bound_was_clipped_and_why_the_interval_is_wide() {
        String note = IntervalText.clippedNote(List.of(3, 3, 2));
        assertTrue(note.startsWith("* lower bound clipped at 0: the 95 % t-interval from n=2 or 3 repeats reached below zero"), note);
        assertTrue(note.contains("2.48 sd with n=3 (t = 4.30)") && note.contains("8.98 sd with n=2 (t = 12.71)"), note);
        String values = "java-prefork=5.000 [0.000*, 12.000] (n=3); java-worker=4.000 [1.000, 7.000] (n=3); "
                + "java-event=3.000 [0.000*, 9.000] (n=2)";
        assertEquals(List.of(3, 2), IntervalText.clippedRepeats(values));
    }
}
