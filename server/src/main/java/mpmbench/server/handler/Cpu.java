package mpmbench.server.handler;

import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.response.Response;

/**
 * {@code GET /cpu?iters=N}: N rounds of a xorshift64* step (about 1 ns each on a current core), a
 * deterministic CPU-bound task whose result is answered as text so the JIT cannot drop the work.
 */
final class Cpu implements Endpoint {

    /** The largest N: a few seconds of work at most. */
    static final long MAX_ITERS = 10_000_000_000L;

    @Override
    public void handle(HttpRequest request, Response response) {
        long iters = QueryNumbers.get(request.query(), "iters", MAX_ITERS);
        response.text().append("iters=").append(iters).append(" result=").appendHex(work(iters)).append('\n');
        response.sendText();
    }

    static long work(long iters) {
        long x = 0x9E3779B97F4A7C15L;
        for (long i = 0; i < iters; i++) {
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            x *= 0x2545F4914F6CDD1DL;
        }
        return x;
    }
}
