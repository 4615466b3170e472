package mpmbench.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;

import mpmbench.loadgen.agent.Ssh;

/**
 * The hosts of a suite run beyond this one, reached with the system's OpenSSH client (BatchMode, the
 * user's keys and ssh config): load-generator agents ({@code --agents}: every cell's load runs there,
 * {@code mpmbench load --agents}) and the host a {@code url=} target runs on ({@code --target-host}:
 * its processes and sockets are read there over one ssh session).
 *
 * @param agents     {@code --agents} hosts, in order; empty: the load generator runs here
 * @param agentFlags the other {@code mpmbench load} flags of a run from agents, passed on as given
 *                   ({@code --agent-weights}, {@code --ssh-config}, {@code --ssh-option},
 *                   {@code --agent-java}, {@code --agent-dir}, {@code --max-clock-offset})
 * @param targetHost the {@code url=} targets' host, or {@code null}: they run here (or are not sampled)
 * @param ssh        how to reach the hosts
 */
public record Remote(List<String> agents, List<String> agentFlags, String targetHost, Ssh ssh) {

    /** Everything on this machine. */
    public static final Remote NONE = new Remote(List.of(), List.of(), null, new Ssh(null, List.of()));

    public Remote {
        agents = List.copyOf(agents);
        agentFlags = List.copyOf(agentFlags);
    }

    public boolean hasAgents() {
        return !agents.isEmpty();
    }

    /** The flags that send a load run to the agents, its per-agent files into {@code agentsDir}. */
    public List<String> loadFlags(java.nio.file.Path agentsDir) {
        List<String> f = new ArrayList<>(List.of("--agents", String.join(",", agents)));
        f.addAll(agentFlags);
        f.addAll(List.of("--out", agentsDir.toString()));
        return f;
    }
}
