package mpmbench.benchmarks.claims;

import java.util.List;

import mpmbench.benchmarks.results.Row;

/**
 * One claim of README's claims table as a check on a run: its rows of claims.csv ({@link ClaimRow}),
 * one per family it applies to. A claim never throws on missing data: it says
 * {@link Verdict#NOT_MEASURED} and names what is missing.
 */
public interface Claim {

    List<Row> evaluate(RunData run);

    /**
     * The scenarios whose cells this claim reads; with a row's family they name the cells its verdict
     * rests on ({@link ClaimCells}), the ones {@code suite --until-decided} gives another round while
     * the row is inconclusive. Empty: none of summary.csv (the micro benchmarks). No default, so that
     * a new claim cannot be left out of {@code --until-decided} by forgetting it.
     */
    List<String> scenariosRead();
}
