package mpmbench.benchmarks.claims;

/** The outcome of a claim on one run. A claim that does not hold is a finding, not a failed run. */
public enum Verdict {
    HOLDS("holds"), DOES_NOT_HOLD("does not hold"), NOT_MEASURED("not measured");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
