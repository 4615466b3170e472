package mpmbench.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The closed loop over io_uring: every connection has one request in flight; a completed response posts
 * the connection's next send (and, in pair mode, its recv) as SQEs, and all SQEs of a loop turn go to the
 * kernel in the turn's one {@code io_uring_enter}, which also waits for the next completions.
 *
 * <p>Pair mode: each request is a send SQE (no CQE when it succeeds) and a recv SQE into the
 * connection's own buffer ({@code IORING_RECVSEND_POLL_FIRST}: the answer is not there yet). Multishot
 * mode: one multishot recv per connection stays armed over a provided-buffer ring, so a request is one
 * send SQE and its response one CQE per piece. User data: connection index × 2, + 1 for a recv.
 * One thread; nothing allocated per request.
 */
final class ClientLoop {

    private static final int RECV_BUF = 4096;
    private static final int ENOBUFS = 105;
    private static final int ETIME = 62;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int EBUSY = 16;
    private static final int MSG_NOSIGNAL = 0x4000;

    private final Options o;
    private final Uring ring;
    private final int[] fds;
    private final MemorySegment request;
    private final ResponseScanner[] scanners;
    private final boolean[] dead;
    private final MemorySegment recvBufs;
    private final BufRing bufRing;
    private final int fixedFlag;
    private final int sendFlags;

    long responses;
    long errors;
    long non2xx;
    long noBuffers;
    /** nanoTime read once per turn, right after the wait: the send and completion time of that turn. */
    long now;
    final LatencyCounts latencies = new LatencyCounts();
    private final long[] sentNs;
    private int alive;

    ClientLoop(Arena arena, Options o, Uring ring, int[] fds, MemorySegment request) {
        this.o = o;
        this.ring = ring;
        this.fds = fds;
        this.request = request;
        scanners = new ResponseScanner[fds.length];
        for (int i = 0; i < fds.length; i++) {
            scanners[i] = new ResponseScanner();
            scanners[i].reset();
        }
        dead = new boolean[fds.length];
        sentNs = new long[fds.length];
        alive = fds.length;
        fixedFlag = o.fixedFiles() ? Uring.SQE_FIXED_FILE : 0;
        sendFlags = fixedFlag | (o.sendCqe() ? 0 : Uring.SQE_CQE_SKIP_SUCCESS);
        if (o.multishot()) {
            recvBufs = null;
            bufRing = new BufRing(arena, ring, Integer.highestOneBit(Math.max(16, fds.length * 2) - 1) << 1, RECV_BUF);
        } else {
            recvBufs = arena.allocate((long) RECV_BUF * fds.length, 4096);
            bufRing = null;
        }
    }

    private int fd(int c) {
        return o.fixedFiles() ? c : fds[c];
    }

    private void post(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("submission queue full");
        }
    }

    private void postSend(int c) {
        sentNs[c] = now;
        post(ring.prep(Uring.OP_SEND, sendFlags, 0, fd(c), request.address(), (int) request.byteSize(), MSG_NOSIGNAL,
                (long) c << 1, 0));
    }

    private void postRecv(int c, boolean pollFirst) {
        post(ring.prep(Uring.OP_RECV, fixedFlag, pollFirst ? Uring.RECVSEND_POLL_FIRST : 0, fd(c),
                recvBufs.address() + (long) c * RECV_BUF, RECV_BUF, 0, (long) c << 1 | 1, 0));
    }

    private void postMultishotRecv(int c) {
        post(ring.prep(Uring.OP_RECV, fixedFlag | Uring.SQE_BUFFER_SELECT, Uring.RECV_MULTISHOT, fd(c), 0L, 0, 0,
                (long) c << 1 | 1, BufRing.GROUP));
    }

    /** The first request of every connection (and in multishot mode its one recv). */
    void start() {
        now = System.nanoTime();
        for (int c = 0; c < fds.length; c++) {
            if (o.multishot()) {
                postMultishotRecv(c);
            } else {
                postRecv(c, true);
            }
            postSend(c);
        }
    }

    /** One loop turn: submit, wait, handle every completion. Returns false when no connection is left. */
    boolean turn() {
        long r = ring.submitAndWait(o.minComplete());
        if (r < 0 && r != -ETIME && r != -EINTR && r != -EAGAIN && r != -EBUSY) {
            throw new IllegalStateException("io_uring_enter: errno " + -r);
        }
        now = System.nanoTime();
        int head = ring.cqHead();
        int tail = ring.cqReady();
        for (; head != tail; head++) {
            long ud = ring.cqeUserData(head);
            int res = ring.cqeRes(head);
            int flags = ring.cqeFlags(head);
            int c = (int) (ud >>> 1);
            if ((ud & 1) == 0) {
                sent(c, res);
            } else if (o.multishot()) {
                receivedMultishot(c, res, flags);
            } else {
                received(c, res);
            }
        }
        ring.cqAdvance(head);
        if (bufRing != null) {
            bufRing.publish();
        }
        return alive > 0;
    }

    private void sent(int c, int res) {
        if (res != request.byteSize()) { // a failed (or with --send-cqe, short) send
            fail(c);
        }
    }

    private void received(int c, int res) {
        if (res <= 0) {
            fail(c);
            return;
        }
        handle(c, scanners[c].feed(recvBufs, (long) c * RECV_BUF, res), false);
    }

    private void receivedMultishot(int c, int res, int flags) {
        int verdict = ResponseScanner.NEED_MORE;
        if ((flags & Uring.CQE_F_BUFFER) != 0) {
            int bid = flags >>> 16;
            if (res > 0) {
                verdict = scanners[c].feed(bufRing.buffers(), bufRing.offsetOf(bid), res);
            }
            bufRing.recycle(bid);
        }
        if (res == -ENOBUFS) {
            noBuffers++;
        } else if (res <= 0) {
            fail(c);
            return;
        }
        if ((flags & Uring.CQE_F_MORE) == 0 && !dead[c]) {
            postMultishotRecv(c);
        }
        if (res > 0) {
            handle(c, verdict, true);
        }
    }

    private void handle(int c, int verdict, boolean multishot) {
        if (verdict == ResponseScanner.COMPLETE) {
            responses++;
            latencies.record((now - sentNs[c]) / 1000);
            if (scanners[c].status() / 100 != 2) {
                non2xx++;
            }
            scanners[c].reset();
            if (!multishot) {
                postRecv(c, true);
            }
            postSend(c);
        } else if (verdict == ResponseScanner.ERROR) {
            fail(c);
        } else if (!multishot) {
            postRecv(c, false);
        }
    }

    private void fail(int c) {
        if (!dead[c]) {
            dead[c] = true;
            errors++;
            alive--;
        }
    }
}
