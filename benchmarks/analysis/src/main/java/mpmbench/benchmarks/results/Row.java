package mpmbench.benchmarks.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CSV row as text by column name, in the column order of its schema. Numbers are rendered
 * locale-independently when the row is built ({@link #format}); an unknown value is an empty cell.
 * Immutable once built.
 */
public final class Row {

    private final Map<String, String> cells;

    private Row(Map<String, String> cells) {
        this.cells = Collections.unmodifiableMap(cells);
    }

    public static Builder builder(List<String> columns) {
        return new Builder(columns);
    }

    /** A row read back from a CSV file. */
    public static Row of(Map<String, String> cells) {
        return new Row(new LinkedHashMap<>(cells));
    }

    public String text(String column) {
        String v = cells.get(column);
        return v == null ? "" : v;
    }

    /** Whether the row has this column (a CSV file of an older schema may lack it). */
    public boolean has(String column) {
        return cells.containsKey(column);
    }

    /**
     * The number in a column; NaN when the cell is empty or not a number.
     *
     * @throws IllegalArgumentException when the row has no such column: a misspelt column must not
     *                                  read as "not measured"
     */
    public double num(String column) {
        if (!cells.containsKey(column)) {
            throw new IllegalArgumentException("no column '" + column + "' in " + cells.keySet());
        }
        return parse(cells.get(column));
    }

    /**
     * A cell's text as a number: {@code inf}/{@code -inf} as infinities (an unbounded interval), NaN
     * when empty or not a number.
     */
    public static double parse(String v) {
        if (v == null || v.isEmpty()) {
            return Double.NaN;
        }
        switch (v) {
            case INF:
                return Double.POSITIVE_INFINITY;
            case "-" + INF:
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
        }
    }

    public Map<String, String> cells() {
        return cells;
    }

    @Override
    public String toString() {
        return cells.toString();
    }

    /** How an infinite value is written ({@code inf}, {@code -inf}): an unbounded interval is not "not measured". */
    public static final String INF = "inf";

    /**
     * Text of a value: doubles with 3 decimals and {@code .}, infinities as {@link #INF} or
     * {@code -inf}, NaN (not measured) as an empty cell; integers as they are, anything else by
     * {@code toString}.
     */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return "";
            }
            return Double.isInfinite(d) ? (d > 0 ? INF : "-" + INF) : String.format(Locale.ROOT, "%.3f", d);
        }
        return value.toString();
    }

    /** Fills a row column by column; columns never set stay empty. */
    public static final class Builder {
        private final List<String> columns;
        private final Map<String, String> cells = new LinkedHashMap<>();

        private Builder(List<String> columns) {
            this.columns = columns;
            for (String c : columns) {
                cells.put(c, "");
            }
        }

        public Builder put(String column, Object value) {
            if (!cells.containsKey(column)) {
                throw new IllegalArgumentException("no column '" + column + "' in " + columns);
            }
            cells.put(column, format(value));
            return this;
        }

        /** The text put in a column so far ("" when none). */
        public String get(String column) {
            return cells.getOrDefault(column, "");
        }

        /** Copies the non-empty cells of another row whose columns this row has. */
        public Builder putAll(Row other) {
            other.cells.forEach((k, v) -> {
                if (cells.containsKey(k) && !v.isEmpty()) {
                    cells.put(k, v);
                }
            });
            return this;
        }

        public Row build() {
            return new Row(new LinkedHashMap<>(cells));
        }
    }
}
