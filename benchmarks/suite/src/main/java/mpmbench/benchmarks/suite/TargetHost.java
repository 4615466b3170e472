package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import mpmbench.benchmarks.telemetry.RemoteProc;
import mpmbench.benchmarks.telemetry.TargetProc;
import mpmbench.benchmarks.telemetry.TreeSample;

/**
 * The host the targets' processes are read on for the length of a run: this machine, or
 * {@code --target-host} over one ssh session ({@link RemoteProc}), opened and checked before the first
 * cell (every {@code url=} target's {@code pid=} must be a live process there) and closed at the end.
 */
final class TargetHost implements AutoCloseable {

    private final TargetProc proc;
    private final RemoteProc remote;

    private TargetHost(TargetProc proc, RemoteProc remote) {
        this.proc = proc;
        this.remote = remote;
    }

    /**
     * @throws IllegalArgumentException {@code --target-host} cannot be reached, or a {@code pid=} is not
     *                                  a process there (one line naming it)
     */
    static TargetHost open(SuitePlan plan) throws IOException {
        String host = plan.remote().targetHost();
        if (host == null) {
            return new TargetHost(TargetProc.local(), null);
        }
        RemoteProc remote = RemoteProc.over(plan.remote().ssh(), host);
        try {
            for (TargetSpec t : plan.targets()) {
                if (t.pid() <= 0) {
                    continue;
                }
                TreeSample s = remote.sample(t.pid(), System.currentTimeMillis());
                if (remote.failure() != null) {
                    throw new IllegalArgumentException("--target-host " + host + ": " + remote.failure());
                }
                if (s.processes() == 0) {
                    throw new IllegalArgumentException("--target-host " + host + ": no process " + t.pid()
                            + " there (target " + t.name() + ")");
                }
            }
        } catch (RuntimeException e) {
            remote.close();
            throw e;
        }
        return new TargetHost(remote, remote);
    }

    TargetProc proc() {
        return proc;
    }

    /** env.csv's rows on the target's host: its kernel, cores and memory (none when it is this machine). */
    List<String[]> describe() {
        List<String[]> rows = new ArrayList<>();
        if (remote == null) {
            return rows;
        }
        try {
            List<String> out = remote.run("uname -srvm; nproc; grep MemTotal /proc/meminfo");
            String[] keys = {"target_host_kernel", "target_host_cores", "target_host_mem_total_kb"};
            for (int i = 0; i < keys.length && i < out.size(); i++) {
                rows.add(new String[] {keys[i], i == 2 ? out.get(i).replaceAll("[^0-9]", "") : out.get(i).strip()});
            }
        } catch (IOException e) {
            rows.add(new String[] {"target_host_kernel", "unknown: " + e.getMessage()});
        }
        return rows;
    }

    @Override
    public void close() {
        if (remote != null) {
            remote.close();
        }
    }
}
