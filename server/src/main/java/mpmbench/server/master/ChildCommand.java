package mpmbench.server.master;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import mpmbench.server.config.ServerConfig;

/**
 * The command line that starts one child JVM: the JDK running the master, the child JVM options
 * (ChildJvmOptions), class-data sharing from the server jar when the server runs from one, and the
 * child's entry point with its slot, the scoreboard and the whole configuration as {@code --set}s.
 */
public final class ChildCommand {

    static final String CHILD_MAIN = "mpmbench.server.child.ChildMain";

    private final List<String> prefix;

    /**
     * @param setArguments the configuration as {@code Directive=value} pairs, as the config loader
     *                     renders it
     */
    public ChildCommand(ServerConfig config, List<String> setArguments, Path scoreboard, long masterPid) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(config.childJvmOptions());
        cmd.addAll(cdsOptions(classPath));
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(CHILD_MAIN);
        cmd.add("--mpm=" + config.mpm().id());
        cmd.add("--scoreboard=" + scoreboard);
        cmd.add("--master-pid=" + masterPid);
        for (String s : setArguments) {
            cmd.add("--set=" + s);
        }
        this.prefix = List.copyOf(cmd);
    }

    /**
     * A dynamic CDS archive next to the jar, created by the first child that finds it missing: later
     * children map the classes instead of loading them, which cuts their start time and, as the
     * archive is shared, their PSS. Only a single-jar class path can be archived.
     */
    static List<String> cdsOptions(String classPath) {
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return List.of();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        Path archive = jar.resolveSibling(jar.getFileName() + ".child.jsa");
        if (!Files.isWritable(jar.getParent())) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off");
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
