package mpmbench.loadgen.agent;

import java.nio.file.Path;

import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.merge.ResultFile;

/**
 * What one agent did in a run: its share, its clock, when it started and what it measured, or what
 * failed. Immutable.
 *
 * @param agent     the host
 * @param share     its part of the load
 * @param clock     its clock against the coordinator's, or {@code null} when it failed before
 * @param startedUs when its run began, µs since the epoch on the coordinator's clock, or {@code null}
 * @param result    its result ({@code result.json}), or {@code null} when it failed
 * @param failure   one line on what failed, or {@code null}
 * @param localDir  where its fetched files are on this machine
 */
public record AgentReport(AgentHost agent, LoadSpec share, ClockOffset clock, Long startedUs, ResultFile result,
                          String failure, Path localDir) {

    public boolean ok() {
        return failure == null && result != null;
    }
}
