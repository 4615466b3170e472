package mpmbench.loadgen.agent;

import java.util.ArrayList;
import java.util.List;

import mpmbench.loadgen.LoadSpec;

/**
 * Splits one load over several agents by weight: connections and idle connections by largest
 * remainder (whole numbers that sum to the total), the open model's rate in proportion (requests/s,
 * summing to the total), the idle connections' pace ({@code --idle-rate}) with each agent's share of
 * them, so that every agent opens its share over the same span; threads, duration, warm-up and the
 * rest are the same on every agent. Stateless.
 */
public final class LoadShares {

    private LoadShares() {
    }

    /**
     * @param total   the load as a whole
     * @param weights one per agent, each &gt; 0 (e.g. all 1 for an even split)
     * @return one spec per agent, in the order of {@code weights}
     * @throws IllegalArgumentException naming the agent whose share has fewer connections than threads
     */
    public static List<LoadSpec> split(LoadSpec total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("--agent-weights must all be > 0, got " + w);
            }
            sum += w;
        }
        int[] connections = apportion(total.connections(), weights, sum);
        int[] idle = apportion(total.idle(), weights, sum);
        List<LoadSpec> shares = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            if (connections[i] < total.threads()) {
                throw new IllegalArgumentException("agent " + (i + 1) + "'s share of -c " + total.connections() + " is "
                        + connections[i] + " connections, fewer than -t " + total.threads()
                        + " threads: raise -c or lower -t");
            }
            shares.add(noTrickle(total).connections(connections[i]).rate(total.rate() * weights[i] / sum).idle(idle[i])
                    .idleRate(idle[i] == 0 ? 0 : total.idleRate() * idle[i] / total.idle()).build());
        }
        return shares;
    }

    /** {@code n} split in proportion to the weights, whole numbers summing to {@code n} (largest remainder). */
    static int[] apportion(int n, double[] weights, double sum) {
        int[] parts = new int[weights.length];
        double[] rest = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = n * weights[i] / sum;
            parts[i] = (int) Math.floor(exact);
            rest[i] = exact - parts[i];
            given += parts[i];
        }
        for (; given < n; given++) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            parts[best]++;
            rest[best] = -1;
        }
        return parts;
    }

    /** The load the given shares make together: their connections, idle connections, rates and idle paces summed. */
    public static LoadSpec sum(LoadSpec total, List<LoadSpec> shares) {
        int c = 0;
        int idle = 0;
        double rate = 0;
        double idleRate = 0;
        for (LoadSpec s : shares) {
            c += s.connections();
            idle += s.idle();
            rate += s.rate();
            idleRate += s.idleRate();
        }
        return noTrickle(total).connections(Math.max(c, total.threads())).rate(rate).idle(idle)
                .idleRate(idle == 0 ? 0 : idleRate).build();
    }

    /** {@code total} without trickling connections (refused with {@code --agents}: no share holds any). */
    private static LoadSpec.Builder noTrickle(LoadSpec total) {
        return total.toBuilder().trickle(0).trickleInterval(LoadSpec.DEFAULT_TRICKLE_INTERVAL);
    }
}
