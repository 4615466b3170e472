/**
 * An experiment, not part of the generator (issue 26, results/loadgen-2026-12-07-uring): can io_uring
 * take a closed-loop keep-alive client's CPU per request to 0.8× wrk's? {@link mpmbench.uring.UringClient}
 * is that client: one thread, the ring set up and mapped by hand through the FFM API ({@code Uring}, raw
 * {@code syscall(2)}, no liburing, no JNI), the sends and receives of a loop turn submitted and waited
 * for in one {@code io_uring_enter} ({@code ClientLoop}), responses framed by their Content-Length
 * ({@code ResponseScanner}).
 */
package mpmbench.uring;
