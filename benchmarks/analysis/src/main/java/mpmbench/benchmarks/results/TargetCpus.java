package mpmbench.benchmarks.results;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * How many CPUs a run's targets could use, read from its env.csv: a target pinned by
 * {@code pin_target} ({@code taskset -c LIST}, {@code taskset --cpu-list LIST} or
 * {@code taskset MASK}) may use the CPUs of its list; an unpinned one every core of its host
 * ({@code target_host_cores} when the target ran on another host, else {@code cores}). A pin this
 * class cannot read counts as every core: the bound it gives is then looser, never wrong. Stateless.
 */
public final class TargetCpus {

    private TargetCpus() {
    }

    /** The CPUs the targets could use; NaN when env.csv names neither a readable pin nor the cores. */
    public static double of(Map<String, String> env) {
        boolean remote = !env.getOrDefault("target_host", "").isBlank();
        double all = Row.parse(env.getOrDefault(remote ? "target_host_cores" : "cores", ""));
        int pinned = pinned(env.getOrDefault("pin_target", ""));
        return pinned > 0 && !remote ? (Double.isNaN(all) ? pinned : Math.min(pinned, all)) : all;
    }

    /** The CPUs a taskset prefix allows; 0 when the prefix is empty or not one this class reads. */
    static int pinned(String pin) {
        List<String> words = List.of(pin.trim().split("\\s+"));
        if (words.isEmpty() || !words.getFirst().endsWith("taskset")) {
            return 0;
        }
        try {
            for (int i = 1; i < words.size() - 1; i++) {
                String w = words.get(i);
                if (w.equals("-c") || w.equals("--cpu-list")) {
                    return list(words.get(i + 1));
                }
                if (w.equals("-pc") || w.equals("-cp")) {
                    return 0; // a running process: not a prefix
                }
            }
            if (words.size() == 2) {
                return Long.bitCount(Long.parseUnsignedLong(words.get(1).replaceFirst("^0[xX]", ""), 16));
            }
        } catch (NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** The CPUs of a list such as {@code 0}, {@code 0,2} or {@code 0-3,6} (taskset's stride {@code 0-7:2} too). */
    static int list(String list) {
        BitSet cpus = new BitSet();
        for (String part : list.split(",")) {
            String[] strided = part.split(":");
            int step = strided.length > 1 ? Integer.parseInt(strided[1]) : 1;
            String[] range = strided[0].split("-");
            int from = Integer.parseInt(range[0].trim());
            int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
            for (int c = from; c <= to; c += Math.max(1, step)) {
                cpus.set(c);
            }
        }
        return cpus.cardinality();
    }
}
