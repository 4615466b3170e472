package mpmbench.server.master;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mpmbench.server.config.ServerConfig;
import mpmbench.server.tls.TicketKeys;

/**
 * The command line that starts one child JVM: the JDK running the master, the child JVM options
 * (ChildJvmOptions), the ahead-of-time cache when there is one ({@link ChildArchive}), and the
 * child's entry point with its slot, the scoreboard and the whole configuration as {@code --set}s;
 * and its environment: with TLS session tickets on, the ticket keys all children of this master share
 * ({@link TicketKeys}, made once here).
 */
public final class ChildCommand {

    static final String CHILD_MAIN = "mpmbench.server.child.ChildMain";

    private final List<String> prefix;
    private final Map<String, String> environment;

    /**
     * @param setArguments the configuration as {@code Directive=value} pairs, as the config loader
     *                     renders it
     * @param cacheOptions the JVM options of the AOT cache, from {@link ChildArchive#prepare}
     */
    public ChildCommand(ServerConfig config, List<String> setArguments, List<String> cacheOptions, Path scoreboard,
                        long masterPid) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(config.childJvmOptions());
        cmd.addAll(cacheOptions);
        // A stopping child keeps its stdout and stderr through dup/dup2 (mpm.InheritedListenSocket).
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(CHILD_MAIN);
        cmd.add("--mpm=" + config.mpm().id());
        cmd.add("--scoreboard=" + scoreboard);
        cmd.add("--master-pid=" + masterPid);
        for (String s : setArguments) {
            cmd.add("--set=" + s);
        }
        this.prefix = List.copyOf(cmd);
        this.environment = config.ssl().engine() && config.ssl().sessionTickets() ? TicketKeys.forChildren() : Map.of();
    }

    /** What every child's environment gets besides the master's own (the shared ticket keys). */
    Map<String, String> environment() {
        return environment;
    }

    /** The java launcher of the JDK running this process. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** This process's class path: the server jar, or the class folders in tests. */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** The full command for the child in {@code slot} of {@code generation}. */
    public List<String> forSlot(int slot, int generation) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add("--slot=" + slot);
        cmd.add("--generation=" + generation);
        return cmd;
    }

    /** The part every child shares, for the start-up log. */
    public List<String> prefix() {
        return prefix;
    }
}
