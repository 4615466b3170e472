package mpmbench.benchmarks.micro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import mpmbench.cli.UsageErrors;
import mpmbench.cli.MpmbenchVersion;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code mpmbench micro}: runs the JMH benchmarks of this package and writes their results as
 * {@code jmh.csv} (JMH's CSV format) and {@code jmh.json} beside it (JMH's JSON, trimmed by
 * {@link JsonTrim}), then measures memory per unit of work ({@link MemoryFootprint}) into
 * {@code memory.csv}.
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
 *   <li>{@code -h}/{@code --help} prints these options and then JMH's; {@code -V} the version.</li>
 *   <li>Everything else goes to JMH unchanged: a benchmark regex, {@code -f -wi -w -i -r -p -prof …}.
 *       The defaults, sized for a 2-core machine, are in each benchmark's annotations: 1 fork, 3
 *       warm-up and 5 measurement iterations of 1 s (Bench_03, SingleShotTime: 3 + 10 starts), about
 *       10 s per benchmark. {@code -l}, {@code -lp}, {@code -lprof}, {@code -lrf} are JMH's and print
 *       only; {@code -l} and {@code -lp} name each benchmark once (JMH lists a {@code @Group}
 *       benchmark once per method).</li>
 * </ul>
 * Exit status: 0, 1 when JMH failed, 2 on bad options.
 */
@Command(name = "mpmbench micro", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        sortOptions = false, usageHelpWidth = 100,
        customSynopsis = "mpmbench micro [-hV] [--no-gc] [--no-memory] [--out=DIR] [JMH options] [BENCHMARK_REGEX...]",
        description = {"Runs the JMH microbenchmarks (Bench_NN_Topic: what a process, a thread and a virtual",
            "thread cost to start, switch and hold) and writes jmh.csv, jmh.json and memory.csv into DIR.",
            "Defaults sized for 2 cores: 1 fork, 3 warm-up and 5 measured iterations of 1 s, about 10 s a",
            "benchmark, about 4 min in all. -l lists the benchmarks.", ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:JMH failed", "2:bad option"},
        footer = {"", "Examples:", "  mpmbench micro --out /tmp/micro                 # every benchmark",
            "  mpmbench micro --no-memory Bench_04 -wi 1 -i 2  # one benchmark, shorter"})
public final class MicroMain implements Callable<Integer> {

    private static final String JMH_SECTION = "jmhOptions";

    @Option(names = "--out", paramLabel = "DIR",
            description = "where jmh.csv, jmh.json and memory.csv go (default: the working directory); "
                    + "JMH's -rff FILE names the CSV file instead, jmh.json and memory.csv go beside it")
    Path out = Path.of(".");

    @Option(names = "--no-gc", description = "do not add JMH's -prof gc (added by default for B/op unless a -prof is given)")
    boolean noGc;

    @Option(names = "--no-memory", description = "skip the memory measurement (memory.csv)")
    boolean noMemory;

    @Unmatched
    List<String> jmh = new ArrayList<>();

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Locale.setDefault(Locale.ROOT); // '.' decimals in every file, whatever the machine's locale
        CommandLine cl = new CommandLine(new MicroMain());
        cl.setExpandAtFiles(false); // '@' belongs to JMH's arguments
        cl.getHelpSectionMap().put(JMH_SECTION, help -> jmhHelp());
        List<String> sections = new ArrayList<>(cl.getHelpSectionKeys());
        sections.add(JMH_SECTION);
        cl.setHelpSectionKeys(sections);
        UsageErrors.install(cl);
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            System.err.println("mpmbench micro: failed: " + e);
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(jmh.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            // JMH's options take one dash: a double-dash one JMH refused was meant as ours, misspelt.
            String ours = jmh.stream().filter(a -> a.startsWith("--") && a.length() > 2).findFirst()
                    .map(a -> UsageErrors.didYouMean(spec, a)).orElse("");
            System.err.println("mpmbench micro: " + e.getMessage() + ours + " (see mpmbench micro --help)");
            return 2;
        }
        if (cli.shouldHelp()) {
            new CommandLine(this).usage(System.out);
            return 0;
        }
        if (cli.shouldList() || cli.shouldListWithParams()) {
            System.out.print(list(cli));
            return 0;
        }
        if (cli.shouldListProfilers()) {
            cli.listProfilers();
            return 0;
        }
        if (cli.shouldListResultFormats()) {
            cli.listResultFormats();
            return 0;
        }
        return runBenchmarks(cli);
    }

    private int runBenchmarks(CommandLineOptions cli) throws IOException, InterruptedException {
        Path csv = cli.getResult().hasValue() ? Path.of(cli.getResult().get()) : out.resolve("jmh.csv");
        Path json = beside(csv, ".json");
        if (csv.toAbsolutePath().getParent() != null) {
            Files.createDirectories(csv.toAbsolutePath().getParent());
        }
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cli);
        options.resultFormat(ResultFormatType.CSV).result(csv.toString());
        if (!noGc && cli.getProfilers().isEmpty()) {
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
        if (!noMemory) {
            Path mem = csv.resolveSibling("memory.csv");
            MemoryFootprint.measure(mem);
            System.out.println("mpmbench micro: wrote " + mem);
        }
        return 0;
    }

    /** JMH's -l or -lp listing with each benchmark once (JMH repeats a @Group benchmark per method). */
    private static String list(CommandLineOptions cli) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Runner runner = new Runner(cli, OutputFormatFactory.createFormatInstance(capture, VerboseMode.NORMAL));
        if (cli.shouldListWithParams()) {
            runner.listWithParams(cli);
        } else {
            runner.list();
        }
        return distinctBlocks(buf.toString(StandardCharsets.UTF_8));
    }

    /** Drops a repeated block: a line not starting with whitespace, with the indented lines under it. */
    static String distinctBlocks(String listing) {
        StringBuilder out = new StringBuilder();
        Set<String> seen = new HashSet<>();
        boolean keep = true;
        for (String line : listing.split("\\R", -1)) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                keep = seen.add(line);
            }
            if (keep) {
                out.append(line).append('\n');
            }
        }
        return out.substring(0, out.length() - 1);
    }

    /** JMH's own option list, for the end of --help. */
    private static String jmhHelp() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8)); // JMH prints to System.out only
            new CommandLineOptions().showHelp();
        } catch (IOException | CommandLineOptionException e) {
            return "(JMH's options could not be listed: " + e.getMessage() + ")\n";
        } finally {
            System.setOut(stdout);
        }
        return "%nJMH options, passed through unchanged (java -jar benchmarks.jar -h):%n".formatted()
                + buf.toString(StandardCharsets.UTF_8);
    }

    static Path beside(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}
