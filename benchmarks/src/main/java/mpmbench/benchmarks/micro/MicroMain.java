package mpmbench.benchmarks.micro;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code mpmbench micro}: runs the JMH benchmarks of this package and writes their results as
 * {@code jmh.csv} (JMH's CSV format) and {@code jmh.json} beside it (JMH's JSON, trimmed by
 * {@link JsonTrim}), then measures memory per unit
 * of work ({@link MemoryFootprint}) into {@code memory.csv}.
 *
 * <pre>
 * java -cp benchmarks.jar mpmbench.benchmarks.micro.MicroMain [--out DIR] [--no-gc] [--no-memory] [JMH options]
 * </pre>
 *
 * <ul>
 *   <li>{@code --out DIR}: where the files go (default: the working directory). JMH's {@code -rff FILE}
 *       names the CSV file instead; the JSON goes beside it with the extension {@code .json}.</li>
 *   <li>{@code --no-gc}: do not add JMH's {@code -prof gc} (added by default, for B/op, unless the
 *       options name a profiler already).</li>
 *   <li>{@code --no-memory}: skip the memory measurement.</li>
 *   <li>Everything else goes to JMH unchanged: a benchmark regex, {@code -f -wi -w -i -r -p -prof …}.
 *       The defaults, sized for a 2-core machine, are in each benchmark's annotations: 1 fork, 3
 *       warm-up and 5 measurement iterations of 1 s (Bench_03, SingleShotTime: 3 + 10 starts), about
 *       10 s per benchmark. {@code -h}, {@code -l}, {@code -lp}, {@code -lprof}, {@code -lrf} are
 *       JMH's own and print only.</li>
 * </ul>
 * Exit status: 0, 1 when JMH failed, 2 on bad options.
 */
public final class MicroMain {

    private static final Set<String> JMH_ONLY = Set.of("-h", "-l", "-lp", "-lprof", "-lrf", "-help");

    private MicroMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT); // '.' decimals in every file, whatever the machine's locale
        Path out = Path.of(".");
        boolean gc = true;
        boolean memory = true;
        List<String> jmh = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> {
                    if (i + 1 == args.length) {
                        System.err.println("mpmbench micro: --out needs a directory");
                        return 2;
                    }
                    out = Path.of(args[++i]);
                }
                case "--no-gc" -> gc = false;
                case "--no-memory" -> memory = false;
                default -> {
                    if (JMH_ONLY.contains(args[i])) {
                        org.openjdk.jmh.Main.main(args);
                        return 0;
                    }
                    jmh.add(args[i]);
                }
            }
        }
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(jmh.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            System.err.println("mpmbench micro: " + e.getMessage());
            return 2;
        }
        Path csv = cli.getResult().hasValue() ? Path.of(cli.getResult().get()) : out.resolve("jmh.csv");
        Path json = beside(csv, ".json");
        if (csv.toAbsolutePath().getParent() != null) {
            Files.createDirectories(csv.toAbsolutePath().getParent());
        }
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cli);
        options.resultFormat(ResultFormatType.CSV).result(csv.toString());
        if (gc && cli.getProfilers().isEmpty()) {
            options.addProfiler(GCProfiler.class);
        }
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (RunnerException e) {
            System.err.println("mpmbench micro: " + e.getMessage());
            return 1;
        }
        ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
        JsonTrim.main(new String[] {json.toString()});
        System.out.println("mpmbench micro: wrote " + csv + " and " + json);
        if (memory) {
            Path mem = csv.resolveSibling("memory.csv");
            MemoryFootprint.measure(mem);
            System.out.println("mpmbench micro: wrote " + mem);
        }
        return 0;
    }

    static Path beside(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}
