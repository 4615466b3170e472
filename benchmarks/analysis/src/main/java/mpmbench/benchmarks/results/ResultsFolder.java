package mpmbench.benchmarks.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A results folder read once, of any schema: env.csv (key → value), summary.csv as rows of
 * {@link Schemas#SUMMARY} grouped by cell ({@link Cells}) with the {@link Invariants} applied,
 * cells.csv's rows derived from them ({@link #cellTable}: the file written by a run of an older build
 * is not trusted, its medians may include rows that are now invalid), samples.csv as rows of
 * {@link Schemas#SAMPLES}, jmh.csv, memory.csv and claims.csv as they are. A column an older schema
 * lacks reads as empty: "not measured", never a refusal. Files that are absent read as no rows;
 * {@link #readSuite} asks for a suite's env.csv and summary.csv. Immutable once read.
 *
 * <p>Schemas: {@link Schemas#VERSION} (3, issue 19), 2 (intervals, settling, cells.csv) and 1, the
 * runs before env.csv had a {@code schema_version}.
 */
public final class ResultsFolder {

    /** A folder that cannot be read; the message names the file and what is wrong, in one line. */
    public static final class BadFolder extends IOException {
        public BadFolder(String message) {
            super(message);
        }
    }

    /** The columns without which a summary.csv row is not a cell's repeat, in every schema. */
    static final List<String> KEY_COLUMNS = List.of("scenario", "target", "connections", "rate", "idle", "repeat",
            "status");

    private final Path dir;
    private final int schema;
    private final Map<String, String> env;
    private final List<Row> summary;
    private final Cells cells;
    private final List<Row> cellTable;
    private final List<Row> samples;
    private final JmhResults jmh;
    private final List<Row> memory;
    private final List<Row> claims;
    private final List<Invariants.Breach> envBreaches;

    private ResultsFolder(Path dir, int schema, Map<String, String> env, List<Row> summary, List<Row> samples,
                          JmhResults jmh, List<Row> memory, List<Row> claims) {
        this.dir = dir;
        this.schema = schema;
        this.env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        this.summary = List.copyOf(summary);
        this.cells = new Cells(this.summary);
        this.cellTable = cells.table();
        this.samples = List.copyOf(samples);
        this.jmh = jmh;
        this.memory = List.copyOf(memory);
        this.claims = List.copyOf(claims);
        this.envBreaches = Invariants.checkEnv(env, schema);
    }

    /**
     * Reads a results folder of a suite or a micro run (summary.csv or jmh.csv, or both).
     *
     * @throws BadFolder when the folder does not exist, has neither file, or a file cannot be read
     */
    public static ResultsFolder read(Path dir) throws BadFolder {
        return read(dir, true);
    }

    /**
     * As {@link #read}, with the rows as the run wrote them: no invariant applied. Only for what must
     * see a run's own statuses (tests of how given rows are drawn); everything that judges or
     * publishes reads through {@link #read}.
     */
    public static ResultsFolder readAsWritten(Path dir) throws BadFolder {
        return read(dir, false);
    }

    private static ResultsFolder read(Path dir, boolean invariants) throws BadFolder {
        if (!Files.isDirectory(dir)) {
            throw new BadFolder(dir + ": no such folder");
        }
        if (!Files.isRegularFile(dir.resolve("summary.csv")) && !Files.isRegularFile(dir.resolve("jmh.csv"))) {
            throw new BadFolder(dir.resolve("summary.csv") + ": missing, and no jmh.csv either (not a results folder "
                    + "of mpmbench suite or micro)");
        }
        Path envFile = dir.resolve("env.csv");
        Map<String, String> env = new LinkedHashMap<>();
        for (Row r : rows(envFile)) {
            env.put(r.text("key"), r.text("value"));
        }
        int schema = schema(envFile, env);
        List<Row> summary = summary(dir.resolve("summary.csv"));
        List<Row> samples = new ArrayList<>();
        for (Row r : rows(dir.resolve("samples.csv"))) {
            samples.add(normalized(r, Schemas.SAMPLES));
        }
        JmhResults jmh;
        try {
            jmh = JmhResults.of(rows(dir.resolve("jmh.csv")));
        } catch (IllegalArgumentException e) {
            throw new BadFolder(dir.resolve("jmh.csv") + ": not JMH's CSV: " + e.getMessage());
        }
        // a run of suite --duet names its pairs in duet.csv: the duet rule checks them together
        List<Row> duets = rows(dir.resolve("duet.csv"));
        return new ResultsFolder(dir, schema, env, invariants ? Invariants.apply(summary, env, duets) : summary, samples, jmh,
                rows(dir.resolve("memory.csv")), rows(dir.resolve("claims.csv")));
    }

    /**
     * Reads a suite's results folder: as {@link #read}, and env.csv and a summary.csv with rows are
     * required.
     */
    public static ResultsFolder readSuite(Path dir) throws BadFolder {
        if (!Files.isDirectory(dir)) {
            throw new BadFolder(dir + ": no such folder");
        }
        for (String f : List.of("env.csv", "summary.csv")) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new BadFolder(dir.resolve(f) + ": missing (not a results folder of mpmbench suite)");
            }
        }
        ResultsFolder folder = read(dir);
        if (folder.summary.isEmpty()) {
            throw new BadFolder(dir.resolve("summary.csv") + ": no rows");
        }
        return folder;
    }

    /** env.csv's {@code schema_version}: absent is 1 (the runs before it was written); one newer than this build reads is an error. */
    private static int schema(Path envFile, Map<String, String> env) throws BadFolder {
        String v = env.getOrDefault("schema_version", "");
        if (v.isEmpty()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1 && n <= Schemas.VERSION) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new BadFolder(envFile + ": schema_version '" + v + "'; this build reads 1 to " + Schemas.VERSION
                + " (a newer run needs a newer mpmbench)");
    }

    /** summary.csv's rows with every column of {@link Schemas#SUMMARY} (those it lacks empty) and a known status. */
    private static List<Row> summary(Path file) throws BadFolder {
        List<Row> raw = rows(file);
        if (raw.isEmpty()) {
            return raw;
        }
        List<String> missing = KEY_COLUMNS.stream().filter(c -> !raw.getFirst().has(c)).toList();
        if (!missing.isEmpty()) {
            throw new BadFolder(file + ": columns missing: " + String.join(", ", missing));
        }
        List<Row> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Row r = raw.get(i);
            try {
                Status.of(r.text("status"));
            } catch (IllegalArgumentException e) {
                throw new BadFolder(file + ": row " + (i + 1) + ": " + e.getMessage());
            }
            out.add(normalized(r, Schemas.SUMMARY));
        }
        return out;
    }

    /** A row with the schema's columns in order (empty where it has none), then any other column it has. */
    static Row normalized(Row r, List<String> schema) {
        Map<String, String> m = new LinkedHashMap<>();
        schema.forEach(c -> m.put(c, r.text(c)));
        r.cells().forEach(m::putIfAbsent);
        return Row.of(m);
    }

    private static List<Row> rows(Path file) throws BadFolder {
        try {
            return CsvTables.read(file);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadFolder(file + ": not readable as CSV: " + e.getMessage());
        }
    }

    public Path dir() {
        return dir;
    }

    /** env.csv's {@code schema_version}, 1 when absent. */
    public int schema() {
        return schema;
    }

    /** env.csv as key → value (empty when absent). */
    public Map<String, String> env() {
        return env;
    }

    /**
     * env.csv's key naming the load generator of the run ({@code suite --generator}): {@value #OUR_GENERATOR}
     * or {@value #WRK}. Written for every run since 2026-12-06; before, for wrk's runs only, so a folder
     * without it is one of ours (the suite had no other generator then) and {@link #generator} reads it so.
     */
    public static final String GENERATOR_KEY = "generator";
    /** The generator of a run whose env.csv names none: ours, {@code mpmbench load}. */
    public static final String OUR_GENERATOR = "loadgen";
    /** {@code suite --generator wrk}'s name, in env.csv and in each cell's latency JSON. */
    public static final String WRK = "wrk";

    /** The load generator that measured this run: {@value #WRK}, or {@value #OUR_GENERATOR} when env.csv names none. */
    public String generator() {
        String g = env.getOrDefault(GENERATOR_KEY, "");
        return g.isEmpty() ? OUR_GENERATOR : g;
    }

    /** summary.csv's repeats, every column of {@link Schemas#SUMMARY}, rows that break an invariant {@code invalid}. */
    public List<Row> summary() {
        return summary;
    }

    /** The rows of {@link #summary} that break an invariant. */
    public List<Row> invalid() {
        return summary.stream().filter(r -> Status.of(r.text("status")) == Status.INVALID).toList();
    }

    /** The rules env.csv breaks ({@link Invariants#checkEnv}); empty when none. */
    public List<Invariants.Breach> envBreaches() {
        return envBreaches;
    }

    /** summary.csv's repeats by cell: the values every claim and compare take. */
    public Cells cells() {
        return cells;
    }

    /** cells.csv's rows ({@link Schemas#CELLS}), derived from {@link #summary} once. */
    public List<Row> cellTable() {
        return cellTable;
    }

    /** samples.csv's rows, every column of {@link Schemas#SAMPLES}. */
    public List<Row> samples() {
        return samples;
    }

    public JmhResults jmh() {
        return jmh;
    }

    public List<Row> memory() {
        return memory;
    }

    /** claims.csv as written by the run (empty when absent). */
    public List<Row> claims() {
        return claims;
    }

    /** env.csv as rows of {@link Schemas#ENV}, in its order. */
    public List<Row> envRows() {
        List<Row> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(Row.builder(Schemas.ENV).put("key", k).put("value", v).build()));
        return out;
    }
}
