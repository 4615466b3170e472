package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mpmbench.benchmarks.telemetry.ProcessTree;
import mpmbench.benchmarks.telemetry.TargetCgroup;

/**
 * A target the suite started (or, for {@code url=}, found): where it listens, its root PID, and how
 * to stop it. Launched servers run in a session and process group of their own (setsid), whose
 * leader is the root PID: stopping sends SIGTERM (to the group for peers, to the master for ours,
 * which stops its children itself), waits up to 10 s, then SIGKILLs the whole group.
 *
 * @param pid        the root PID, or 0 when unknown
 * @param firstOkMs  launch to the first 200 on /hello, ms (NaN when not launched)
 * @param fullMs     launch to StartServers' capacity, ms (NaN when not launched or not reached)
 * @param gracefulCommand the command that restarts it gracefully with the config and pid file it was
 *                   started with: {@code mpmbench ctl -k graceful --pidfile F} for ours, {@code apache2 -f
 *                   CONF -C ... -k graceful} for httpd, {@code nginx -c CONF -s reload} for nginx; empty
 *                   when the suite did not start it
 * @param cgroup     the cgroup it runs in (read its CPU through {@code TargetProc.inCgroup}), removed
 *                   by {@link #close}; {@code null} when it has none (url=, or none could be made)
 * @param tls        started over HTTPS (the {@code tls-*} scenarios: {@link TargetLauncher#start(TargetSpec, boolean)})
 */
public record RunningTarget(TargetSpec spec, String host, int port, int pid, Process process, Path runDir,
                            double firstOkMs, double fullMs, List<String> gracefulCommand, TargetCgroup cgroup,
                            boolean tls)
        implements AutoCloseable {

    public RunningTarget {
        gracefulCommand = List.copyOf(gracefulCommand);
    }

    /** A target over plain HTTP. */
    public RunningTarget(TargetSpec spec, String host, int port, int pid, Process process, Path runDir,
                         double firstOkMs, double fullMs, List<String> gracefulCommand, TargetCgroup cgroup) {
        this(spec, host, port, pid, process, runDir, firstOkMs, fullMs, gracefulCommand, cgroup, false);
    }

    /** {@code http://host:port}, or {@code https://} over TLS. */
    public String baseUrl() {
        return (tls ? "https" : "http") + "://" + host + ":" + port;
    }

    /** The root's live descendants (children first); empty without a PID. */
    public List<Integer> descendants() {
        if (pid <= 0) {
            return List.of();
        }
        List<Integer> tree = ProcessTree.of(Path.of("/proc"), pid);
        return tree.isEmpty() ? List.of() : tree.subList(1, tree.size());
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        if (spec.kind() == TargetSpec.Kind.JAVA) {
            process.destroy();
        } else {
            signalGroup("TERM");
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                signalGroup("KILL");
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Whatever is left of the group (a child that outlived its master) goes too.
        signalGroup("KILL");
        if (cgroup != null) {
            cgroup.close();
        }
    }

    private void signalGroup(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + pid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // kill(1) missing: nothing more to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
