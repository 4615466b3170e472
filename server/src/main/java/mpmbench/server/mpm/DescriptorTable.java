package mpmbench.server.mpm;

/**
 * Grows a child's descriptor table once, when it starts, to hold the connections its directives
 * allow, so that no accept has to grow it under load.
 *
 * <p>Why: Linux grows a process's table by doubling (at 256, 512, …, 8,192 descriptors) and, in a
 * process with more than one thread (every JVM), waits for an RCU grace period each time
 * ({@code expand_fdtable}, {@code synchronize_rcu}); a single-threaded process does not wait, so
 * nginx's workers never do. Measured on the 2-vCPU VM, an 8-thread process opening 12,000 descriptors
 * waited 6–24 ms at each of fd 256, 512, 1,024, 2,048, 4,096 and 8,192. In the event child it is the
 * selector thread that accepts: while it waits, the requests of the connections it holds pile up
 * unseen, and the pass after it may find no worker idle and close every keep-alive connection
 * (httpd's rule, {@code event.BusyKeepAliveClose}). Growing the table at the start takes the waits out
 * of the accept path; it did not by itself let one child hold 10,000 idle TLS connections (README,
 * "10,000 idle TLS connections on java-event": a longer stall, not this one, still ended them).
 *
 * <p>How: a descriptor is copied onto the lowest free number at or above the one the table must reach
 * ({@code fcntl(F_DUPFD)}, which replaces nothing already open there) and closed again; the table
 * never shrinks. Costs 8 bytes and 2 bits a slot (80 KiB for 10,000). Best effort: capped at the
 * open-files limit, and where a call fails, or the C library cannot be linked, nothing changes but
 * the waits come back.
 */
public final class DescriptorTable {

    /** Descriptors a child JVM holds besides its connections (jars, the scoreboard, epoll, pipes): a margin. */
    static final int BASE_DESCRIPTORS = 256;

    private DescriptorTable() {
    }

    /**
     * Grows this process's table to hold {@code connections} more descriptors than
     * {@link #BASE_DESCRIPTORS}, within the open-files limit. Call once, before serving.
     *
     * @return the highest descriptor number the table now holds for sure, or -1 when nothing was done
     */
    public static int reserve(int connections) {
        try {
            return grow(connections);
        } catch (LinkageError e) { // ExceptionInInitializerError: no C library to link, e.g. without native access
            return -1;
        }
    }

    private static int grow(int connections) {
        long limit = Libc.openFilesLimit();
        long wanted = (long) BASE_DESCRIPTORS + Math.max(0, connections);
        int top = (int) Math.min(wanted, limit > 0 ? limit - 1 : wanted);
        int placed = Libc.dupAtOrAbove(0, top); // stdin: the inherited listening socket or /dev/null, always open
        if (placed < top) { // -1: no room below the limit, or the call failed
            return -1;
        }
        Libc.close(placed);
        return top;
    }
}
