package mpmbench.loadgen.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.report.ConsoleSummary;
import mpmbench.loadgen.report.JsonReport;

/**
 * {@code mpmbench load --agents …}: runs the load on the agents ({@link Coordinator}), merges what they
 * delivered ({@link AgentsMerge}), prints the merged summary with a row per agent, and writes the run
 * folder: {@code AGENT/result.json}, {@code AGENT/latency.hlog}, {@code AGENT/agent.err} per agent,
 * {@code merged.hlog}, {@code result.json} (the merged result, same fields as {@code --json}) and
 * {@code agents.csv}.
 *
 * <p>Exit codes: 0 every agent delivered; 3 a partial result (the failed agents are named, one line
 * each); 1 no agent delivered, no request completed, or a clock too far off.
 */
public final class AgentsLoad {

    /** Exit status of a merged result that lacks some agents. */
    public static final int EXIT_PARTIAL = 3;

    private AgentsLoad() {
    }

    /**
     * @param progress print the agents' merged progress on {@code err}, one line a second
     * @throws IllegalArgumentException a bad flag (the message names it)
     */
    public static int run(LoadSpec total, AgentOptions o, boolean latencyTable, boolean progress, PrintStream out,
                          PrintStream err, Outputs outputs) throws IOException {
        List<AgentHost> agents = AgentHost.of(o.hosts);
        double[] weights = weights(o, agents.size());
        Path jar = jar(o);
        LoadShares.split(total, weights); // a share with fewer connections than threads is a bad flag: say it now
        Path dir = o.out != null ? o.out : Files.createTempDirectory("mpmbench-agents-");
        Files.createDirectories(dir);
        Ssh ssh = new Ssh(o.sshConfig, o.sshOptions);
        out.print(ConsoleSummary.header(total));
        out.printf(Locale.ROOT, "  from %d agents: %s; run folder %s%n", agents.size(),
                String.join(", ", agents.stream().map(AgentHost::label).toList()), dir);
        out.flush();
        Coordinator.Outcome outcome;
        try {
            outcome = new Coordinator(new Coordinator.Settings(agents, weights, ssh, o.agentJava, o.agentDir,
                    o.maxClockOffset, jar, dir), line -> err.println("mpmbench load: " + line),
                    progress ? err::println : null).run(total);
        } catch (Coordinator.ClockRefused e) {
            err.println("mpmbench load: " + e.getMessage());
            return 1;
        }
        AgentsMerge merged;
        try {
            merged = AgentsMerge.of(total, outcome);
        } catch (RuntimeException e) { // a fetched log that does not read: one line, no trace
            err.println("mpmbench load: merging failed: " + e.getMessage());
            return 1;
        }
        if (merged == null) {
            out.print(AgentsTable.render(outcome.agents(), outcome.startUs()));
            AgentsTable.write(dir.resolve("agents.csv"), outcome.agents(), outcome.startUs());
            err.println("mpmbench load: no agent delivered a result (see above; agent.err in " + dir + ")");
            return 1;
        }
        LoadResult result = merged.result();
        out.print(ConsoleSummary.render(result, latencyTable));
        out.print(AgentsTable.render(outcome.agents(), outcome.startUs()));
        out.printf(Locale.ROOT, "  Start skew between agents: %s ms (± %s ms from their clocks' uncertainty)%n",
                Coordinator.ms(merged.startSkewUs()), Coordinator.ms(merged.skewUncertaintyUs()));
        out.printf(Locale.ROOT, "  Merged %d agents' logs (%d slots) in %.1f ms%n", merged.delivered().size(),
                merged.log().slots().size(), merged.mergeMs());
        for (AgentReport a : merged.missing()) {
            out.println("  WARNING: partial result: " + a.agent() + " failed: " + a.failure());
        }
        String comment = "[mpmbench load --agents: merged from " + merged.delivered().size() + " agents; values in µs]";
        merged.log().write(AgentsMerge.mergedLog(dir), comment);
        JsonReport.write(dir.resolve("result.json"), result);
        AgentsTable.write(dir.resolve("agents.csv"), outcome.agents(), outcome.startUs());
        if (outputs.hlog() != null) {
            merged.log().write(outputs.hlog(), comment);
        }
        outputs.write(result);
        out.flush();
        if (result.completedNothing()) {
            return 1;
        }
        return merged.partial() ? EXIT_PARTIAL : 0;
    }

    /** The files of {@code --hlog --hgrm --csv --json}, written by the load command. */
    public interface Outputs {
        Path hlog();

        void write(LoadResult merged) throws IOException;
    }

    private static double[] weights(AgentOptions o, int n) {
        if (o.weights.isEmpty()) {
            double[] w = new double[n];
            java.util.Arrays.fill(w, 1.0);
            return w;
        }
        if (o.weights.size() != n) {
            throw new IllegalArgumentException("--agent-weights has " + o.weights.size() + " weights for " + n + " agents");
        }
        return o.weights.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Path jar(AgentOptions o) {
        if (o.agentJar != null) {
            if (!Files.isRegularFile(o.agentJar)) {
                throw new IllegalArgumentException("--agent-jar " + o.agentJar + ": no such file");
            }
            return o.agentJar;
        }
        try {
            Path self = Path.of(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
                return self;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through
        }
        throw new IllegalArgumentException("--agents needs the load generator's jar: run from it (mpmbench load) "
                + "or give --agent-jar FILE");
    }
}
