package mpmbench.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import mpmbench.benchmarks.results.IntervalText;

/**
 * The notes under one table of report.md. A row's long text (its status's reason, often a sentence
 * or three) becomes a mark in its cell, ¹ ² ³ …, and is written once below the table: inline, it
 * squeezed the other columns and made a row a thousand pixels tall. The same text gets the same mark.
 * Intervals with a low bound clipped at 0 ({@link IntervalText#CLIPPED}) get their note once too.
 * One instance per table, not shared between threads.
 */
final class TableNotes {

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private final Map<String, Integer> texts = new LinkedHashMap<>();
    private final Set<Integer> clippedRepeats = new TreeSet<>();
    private boolean clipped;

    /** The mark of a note, its text kept for {@link #render}: "¹". */
    String mark(String text) {
        return superscript(texts.computeIfAbsent(text, t -> texts.size() + 1));
    }

    /** Notes the interval text of a cell whose figure came from {@code repeats} repeats, if a bound in it was clipped. */
    String interval(String cellText, int repeats) {
        if (IntervalText.hasClipped(cellText)) {
            clipped(repeats);
        }
        return cellText;
    }

    /** Notes that an interval from {@code repeats} repeats had its low bound clipped at 0. */
    void clipped(int repeats) {
        clipped = true;
        clippedRepeats.add(repeats);
    }

    /** The notes as a Markdown list after a blank line; nothing when there is none. */
    void render(StringBuilder md) {
        if (texts.isEmpty() && !clipped) {
            return;
        }
        md.append('\n');
        texts.forEach((text, n) -> md.append("- ").append(superscript(n)).append(' ').append(text).append('\n'));
        if (clipped) {
            // a list item that starts with * would open a nested list
            md.append("- \\").append(IntervalText.clippedNote(clippedRepeats)).append('\n');
        }
    }

    static String superscript(int n) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return s.toString();
    }
}
