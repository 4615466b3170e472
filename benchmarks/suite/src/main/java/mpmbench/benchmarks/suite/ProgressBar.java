package mpmbench.benchmarks.suite;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The suite's progress on stderr: cells done and left, elapsed time and an ETA. The ETA scales the
 * plan's estimate of the cells left by how the cells done compared with their estimate. Redrawn in
 * place on a terminal, one line per cell otherwise. Called from the runner's thread only.
 *
 * <p>Kept rather than a progress-bar library (me.tongfei:progressbar was the candidate): such bars
 * extrapolate the ETA from the share of steps done, while a suite's cells differ in cost by ten times
 * (a startup cell costs nothing, an idle level 20 s), so the ETA here comes from the plan's estimate of
 * each cell; and a CI log wants one line per finished cell naming it and its status, not a redrawn bar.
 */
public final class ProgressBar {

    private static final int WIDTH = 24;
    private static final double PRIOR_S = 30;

    private final PrintStream out;
    private final boolean terminal;
    private int total;
    private double estimateTotal;
    private final long startNs = System.nanoTime();
    private int done;
    private double estimateDone;

    public ProgressBar(PrintStream out, boolean terminal, int total, double estimateTotalS) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.estimateTotal = estimateTotalS;
    }

    /** A cell finished (ran, failed or was skipped); {@code estimateS} is what the plan expected. */
    public void cellDone(String label, double estimateS) {
        done++;
        estimateDone += estimateS;
        double elapsed = (System.nanoTime() - startNs) / 1e9;
        // How the cells done compared with their estimate, pulled towards 1 by a prior of PRIOR_S
        // seconds so that one slow first cell does not multiply the whole ETA.
        double ratio = (elapsed + PRIOR_S) / (estimateDone + PRIOR_S);
        double eta = Math.max(0, (estimateTotal - estimateDone) * ratio);
        out.print((terminal ? "\r" : "") + line(done, total, elapsed, eta, label) + (terminal ? "\u001b[K" : "\n"));
        out.flush();
    }

    /** More cells than planned ({@code suite --until-decided}'s extra rounds), with their estimate in s. */
    public void extend(int cells, double estimateS) {
        total += cells;
        estimateTotal += estimateS;
    }

    public void end() {
        if (terminal) {
            out.println();
        }
    }

    static String line(int done, int total, double elapsedS, double etaS, String label) {
        int filled = total == 0 ? WIDTH : (int) Math.round(WIDTH * (double) done / total);
        return String.format(Locale.ROOT, "suite [%s%s] %d/%d cells, %d left, %s elapsed, ETA %s  %s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, total - done, clock(elapsedS),
                clock(etaS), label);
    }

    static String clock(double s) {
        long t = Math.round(s);
        return String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }
}
