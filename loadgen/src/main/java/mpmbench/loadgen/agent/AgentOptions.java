package mpmbench.loadgen.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import mpmbench.loadgen.flags.DurationConverter;
import picocli.CommandLine.Option;

/**
 * The {@code mpmbench load} flags of a run from several hosts ({@code --agents}); mixed into the load
 * command. Plain data, filled by picocli.
 */
public final class AgentOptions {

    /** Default for {@link #maxClockOffset}: well above what NTP or chrony keep on a LAN (&lt; 1 ms). */
    public static final Duration DEFAULT_MAX_CLOCK_OFFSET = Duration.ofMillis(50);

    @Option(names = "--agents", paramLabel = "HOST", split = ",",
            description = "run the load from these hosts over ssh (the system's OpenSSH, BatchMode, your keys and "
                    + "~/.ssh/config); -c, --idle, -R and --idle-rate are split across them, -t is per host")
    public List<String> hosts = new ArrayList<>();

    @Option(names = "--agent-weights", paramLabel = "W", split = ",",
            description = "share of each agent (default: even)")
    public List<Double> weights = new ArrayList<>();

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "ssh config file (ssh -F)")
    public Path sshConfig;

    @Option(names = "--ssh-option", paramLabel = "OPT", description = "ssh -o option, repeatable, e.g. Port=2222")
    public List<String> sshOptions = new ArrayList<>();

    @Option(names = "--agent-java", paramLabel = "PATH",
            description = "java on the agents (default: $JAVA_HOME/bin/java, java on the PATH or /usr/lib/jvm/*, "
                    + "the first that is 25 or later)")
    public String agentJava;

    @Option(names = "--agent-dir", paramLabel = "DIR",
            description = "folder on the agents for the jar and run files, relative to the remote home "
                    + "(default ${DEFAULT-VALUE})")
    public String agentDir = ".cache/mpmbench-agent";

    @Option(names = "--agent-jar", paramLabel = "FILE",
            description = "the load generator jar to run on the agents (default: the jar this command runs from)")
    public Path agentJar;

    @Option(names = "--max-clock-offset", paramLabel = "T", converter = DurationConverter.class,
            description = "refuse to start when an agent's clock may be further than this from ours "
                    + "(|offset| + uncertainty; default 50ms)")
    public Duration maxClockOffset = DEFAULT_MAX_CLOCK_OFFSET;

    @Option(names = "--out", paramLabel = "DIR",
            description = "with --agents: folder for every agent's result.json and latency.hlog, the merged log, "
                    + "result and agents.csv (default: a new folder under the temp dir)")
    public Path out;

    /** True when {@code --agents} was given. */
    public boolean enabled() {
        return !hosts.isEmpty();
    }
}
