package mpmbench.server.scoreboard;

import java.util.Locale;

import mpmbench.server.http.StatusPage;

/**
 * {@code /server-status} from the scoreboard, in mod_status's shapes: a text page for people and
 * {@code ?auto} {@code Key: value} lines for scripts (the keys mod_status uses, where they apply).
 *
 * <p>Models with worker slots (prefork, worker, event) print one letter per slot of every process
 * slot up to ServerLimit; the virtual-thread model has no fixed workers and prints one letter per
 * connection it holds (W busy, K idle) followed by '_' for a ready process. A process of an older
 * generation than the server's (left over from a graceful restart, finishing its requests) shows
 * 'G' for every worker it still has, as mod_status does.
 *
 * <p>One key is ours, not mod_status's: {@code KeepAliveClosedBusy}, the keep-alive connections the
 * event model closed because every worker was busy or a client waited for an accept no process had
 * room for (httpd's event MPM closes them when its workers are busy and says so only in a TRACE1 log
 * line; 0 for the other models), summed like {@code Total Accesses} over the process slots.
 */
public final class StatusReport implements StatusPage {

    private final SharedScoreboard board;
    private final String mpmName;

    public StatusReport(SharedScoreboard board, String mpmName) {
        this.board = board;
        this.mpmName = mpmName;
    }

    @Override
    public void render(boolean auto, StringBuilder out) {
        Totals t = totals();
        long uptime = Math.max(1, (System.currentTimeMillis() - board.startTimeMillis()) / 1000);
        if (auto) {
            out.append("127.0.0.1\n")
               .append("ServerVersion: mpmbench/0.1\n")
               .append("ServerMPM: ").append(mpmName).append('\n')
               .append("ServerGeneration: ").append(board.generation()).append('\n')
               .append("Total Accesses: ").append(t.requests).append('\n')
               .append("Total kBytes: ").append(t.bytes / 1024).append('\n')
               .append("Uptime: ").append(uptime).append('\n')
               .append("ReqPerSec: ").append(String.format(Locale.ROOT, "%.3f", (double) t.requests / uptime))
               .append('\n')
               .append("BusyWorkers: ").append(t.busy).append('\n')
               .append("IdleWorkers: ").append(t.idle).append('\n')
               .append("Processes: ").append(t.processes).append('\n')
               .append("ConnsTotal: ").append(t.connections).append('\n')
               .append("KeepAliveClosedBusy: ").append(t.keepAliveClosedBusy).append('\n')
               .append("Scoreboard: ").append(t.letters).append('\n');
            return;
        }
        out.append("mpmbench server status (").append(mpmName).append(")\n\n")
           .append("Server uptime: ").append(uptime).append(" s, generation ")
           .append(board.generation()).append('\n')
           .append("Total accesses: ").append(t.requests).append(" - Total traffic: ")
           .append(t.bytes / 1024).append(" kB\n")
           .append(t.busy).append(" requests currently being processed, ").append(t.idle)
           .append(" idle workers, ").append(t.processes).append(" processes, ")
           .append(t.connections).append(" connections\n");
        if (t.keepAliveClosedBusy > 0) {
            out.append(t.keepAliveClosedBusy)
               .append(" keep-alive connections closed because every worker was busy (event)\n");
        }
        out.append('\n');
        int width = 64;
        for (int i = 0; i < t.letters.length(); i += width) {
            out.append(t.letters, i, Math.min(t.letters.length(), i + width)).append('\n');
        }
        out.append("\nScoreboard Key:\n")
           .append("\"_\" Waiting for Connection, \"S\" Starting up, \"R\" Reading Request,\n")
           .append("\"W\" Sending Reply, \"K\" Keepalive (read), \"C\" Closing connection,\n")
           .append("\"G\" Gracefully finishing, \".\" Open slot with no current process\n\n")
           .append("Slot  PID      State     Conns  Busy  Requests\n");
        for (int p = 0; p < board.serverLimit(); p++) {
            ProcessState s = board.processState(p);
            if (s == ProcessState.FREE) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-5d %-8d %-9s %-6d %-5d %d%n", p, board.pid(p), s,
                    board.connections(p), busyOf(p), requestsOf(p)));
        }
    }

    private Totals totals() {
        Totals t = new Totals();
        StringBuilder letters = new StringBuilder();
        int generation = board.generation();
        for (int p = 0; p < board.serverLimit(); p++) {
            ProcessState state = board.processState(p);
            boolean live = state != ProcessState.FREE;
            boolean old = live && board.processGeneration(p) < generation;
            if (live) {
                t.processes++;
                t.connections += board.connections(p);
            }
            t.requests += requestsOf(p);
            t.bytes += bytesOf(p);
            t.keepAliveClosedBusy += board.keepAliveClosedBusy(p);
            if (board.workersPerProcess() == 0) {
                if (live) {
                    int busy = board.busyWorkers(p);
                    t.busy += busy;
                    int idle = Math.max(0, board.connections(p) - busy);
                    if (old) {
                        letters.repeat('G', busy + idle + 1);
                    } else {
                        letters.repeat('W', busy).repeat('K', idle).append(state == ProcessState.READY ? '_' : 'G');
                    }
                } else {
                    letters.append('.');
                }
                continue;
            }
            for (int w = 0; w < board.workersPerProcess(); w++) {
                WorkerStatus ws = board.workerStatus(p, w);
                letters.append(old && ws != WorkerStatus.OPEN ? WorkerStatus.GRACEFUL.letter() : ws.letter());
                if (ws.busy()) {
                    t.busy++;
                } else if (ws == WorkerStatus.READY) {
                    t.idle++;
                }
            }
        }
        t.letters = letters.toString();
        return t;
    }

    private int busyOf(int p) {
        if (board.workersPerProcess() == 0) {
            return board.busyWorkers(p);
        }
        int busy = 0;
        for (int w = 0; w < board.workersPerProcess(); w++) {
            busy += board.workerStatus(p, w).busy() ? 1 : 0;
        }
        return busy;
    }

    private long requestsOf(int p) {
        long n = board.processRequests(p);
        for (int w = 0; w < board.workersPerProcess(); w++) {
            n += board.workerRequests(p, w);
        }
        return n;
    }

    private long bytesOf(int p) {
        long n = board.processBytes(p);
        for (int w = 0; w < board.workersPerProcess(); w++) {
            n += board.workerBytes(p, w);
        }
        return n;
    }

    private static final class Totals {
        long requests;
        long bytes;
        long keepAliveClosedBusy;
        int busy;
        int idle;
        int processes;
        int connections;
        String letters;
    }
}
