package mpmbench.benchmarks.telemetry;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A process and all its descendants, found from the parent PIDs in {@code /proc/PID/stat} (so it also
 * finds children that run as another user, like httpd's www-data children). {@link #of} leaves
 * zombies out (the live tree); {@link #members} keeps them (the tree whose CPU is summed: a zombie
 * still holds its CPU time until it is reaped).
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /** The root PID first, then its live descendants level by level, by PID within a parent; empty when the root is gone. */
    public static List<Integer> of(Path proc, int root) {
        return of(stats(proc), root);
    }

    /** Every process's stat line in {@code proc}; empty when it cannot be listed. */
    private static List<ProcFiles.Stat> stats(Path proc) {
        List<ProcFiles.Stat> stats = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                try {
                    stats.add(ProcFiles.parseStat(Files.readString(dir.resolve("stat"))));
                } catch (IOException | RuntimeException gone) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return stats;
    }

    /** As {@link #of(Path, int)}, from every process's stat line read elsewhere (another host's /proc). */
    public static List<Integer> of(List<ProcFiles.Stat> stats, int root) {
        return tree(stats, root, false);
    }

    /**
     * As {@link #of(List, int)} with the zombies among the descendants (a zombie has no children:
     * they were re-parented when it exited). Empty when the root is gone or a zombie itself.
     */
    public static List<Integer> members(List<ProcFiles.Stat> stats, int root) {
        return tree(stats, root, true);
    }

    /** As {@link #members(List, int)}, from a {@code /proc} directory. */
    public static List<Integer> members(Path proc, int root) {
        return tree(stats(proc), root, true);
    }

    private static List<Integer> tree(List<ProcFiles.Stat> stats, int root, boolean zombies) {
        Map<Integer, List<Integer>> children = new HashMap<>();
        boolean rootAlive = false;
        for (ProcFiles.Stat stat : stats) {
            if (stat.state() == 'Z' && (!zombies || stat.pid() == root)) {
                continue;
            }
            if (stat.pid() == root) {
                rootAlive = true;
            }
            children.computeIfAbsent(stat.ppid(), k -> new ArrayList<>()).add(stat.pid());
        }
        if (!rootAlive) {
            return List.of();
        }
        List<Integer> tree = new ArrayList<>();
        tree.add(root);
        for (int i = 0; i < tree.size(); i++) {
            List<Integer> kids = new ArrayList<>(children.getOrDefault(tree.get(i), List.of()));
            kids.sort(null);
            tree.addAll(kids);
        }
        return tree;
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
