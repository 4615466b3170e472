/**
 * One load from several hosts ({@code mpmbench load --agents}): the coordinator
 * ({@link mpmbench.loadgen.agent.Coordinator}, {@link mpmbench.loadgen.agent.AgentsLoad}) splits the load
 * into shares, starts an agent ({@link mpmbench.loadgen.agent.AgentMain}) on each host over ssh, measures
 * each clock, starts them at one instant, merges their seconds into one progress, decides the end of a
 * settling warm-up from their sum, and merges their results and interval logs. The line protocol between
 * them is {@link mpmbench.loadgen.agent.AgentProtocol}.
 *
 * <p>May use: the root package, {@code contract}, {@code engine} (an agent runs its share), {@code flags}
 * (it reads its share as flags), {@code http}, {@code merge}, {@code record}, {@code report}; picocli;
 * the JDK. Not {@code cli}: the command line uses the agents, not the other way round.
 */
package mpmbench.loadgen.agent;
