package mpmbench.benchmarks.catalogue;

/** How a scenario runs its levels. */
public enum ScenarioKind {
    /** One load run per level, closed or open model as the level says. */
    LOAD,
    /** Open model at rising rates; stops after the first level past the SLO or with errors. */
    RATE_SWEEP,
    /** One load run with a SIGKILL to one child of the target in the middle of the measured window. */
    CRASH,
    /**
     * One load run with the suite plan's {@code restarts} graceful restarts of the target in the measured
     * window, through its own control command (the suite's {@code RunningTarget.gracefulCommand()}).
     */
    GRACEFUL_RESTART,
    /**
     * One load run per level beside {@code level.idle()} trickling connections (slowloris) held by a
     * separate load generator ({@code --trickle}).
     */
    SLOW_CLIENTS,
    /** No load: time from launch to the first 200 and to full StartServers capacity. */
    STARTUP
}
