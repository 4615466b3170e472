package mpmbench.loadgen.agent;

import java.time.Duration;
import java.time.Instant;

/**
 * The line protocol between the coordinator and an agent over the agent's ssh session: the coordinator
 * writes to the agent's stdin, the agent answers on its stdout (its stderr is for humans). Times are
 * wall-clock µs since the epoch, each on the clock of the side that writes it.
 * <pre>
 * agent → READY pid                    started, spec parsed
 * coord → PING                         (repeated) clock probe
 * agent → PONG agentUs
 * coord → START agentUs                the common start instant, already moved onto the agent's clock
 * agent → STARTED agentUs              the instant its run actually began
 * agent → SECOND s warmup done errors  once a second: seconds since its start, 1 in warm-up else 0,
 *                                      requests answered so far, errors so far
 * coord → MEASURE s                    with --settle: end the warm-up at second s of the run (the
 *                                      summed requests/s of every agent are steady)
 * agent → MEASURING s steady           its warm-up ended s seconds after its start (steady 1: told
 *                                      by MEASURE, 0: a fixed warm-up or the settle cap)
 * agent → MEASURED s                  its measured window ended s seconds after its start
 * agent → DONE requests                result.json and latency.hlog are written in its run folder
 * agent → ERROR message                it cannot go on (bad spec, no START in time); it exits
 * </pre>
 * The agent stops by itself when its stdin ends (the coordinator or the network is gone), when no
 * START came within {@link #START_WAIT}, and at its run's end plus {@link #END_MARGIN}, whatever happens.
 */
final class AgentProtocol {

    static final String READY = "READY";
    static final String PING = "PING";
    static final String PONG = "PONG";
    static final String START = "START";
    static final String STARTED = "STARTED";
    static final String SECOND = "SECOND";
    static final String MEASURE = "MEASURE";
    static final String MEASURING = "MEASURING";
    static final String MEASURED = "MEASURED";
    static final String DONE = "DONE";
    static final String ERROR = "ERROR";

    /** File names in the agent's run folder. */
    static final String RESULT_JSON = "result.json";
    static final String LATENCY_HLOG = "latency.hlog";

    /** How long an agent waits for START after READY. */
    static final Duration START_WAIT = Duration.ofSeconds(60);
    /** How long after its run's hard end (warm-up + duration + grace) an agent may still live. */
    static final Duration END_MARGIN = Duration.ofSeconds(15);
    /** Exit status of an agent whose coordinator went away. */
    static final int EXIT_ORPHANED = 3;
    /** Exit status of an agent that ran out of time (no START, or past its end). */
    static final int EXIT_TIMED_OUT = 4;

    private AgentProtocol() {
    }

    /** This machine's wall clock, µs since the epoch. */
    static long nowUs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
