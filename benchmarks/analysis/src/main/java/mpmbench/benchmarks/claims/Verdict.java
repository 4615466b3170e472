package mpmbench.benchmarks.claims;

/**
 * The outcome of a claim on one run, from the 95 % interval of its ratio. A claim that does not hold
 * is a finding, not a failed run; inconclusive is an honest answer when the repeats' spread straddles
 * the threshold.
 */
public enum Verdict {
    HOLDS("holds"), DOES_NOT_HOLD("does not hold"), INCONCLUSIVE("inconclusive"), NOT_MEASURED("not measured");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
