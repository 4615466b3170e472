package mpmbench.benchmarks.suite;

import java.util.Locale;
import java.util.stream.Collectors;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.SuiteKind;

/** {@code suite --list}: the scenarios with their levels, and the targets. */
public final class Listing {

    private Listing() {
    }

    public static String render(SuiteKind suite, int cores) {
        StringBuilder sb = new StringBuilder("Scenarios (" + suite.label()
                + " levels; peers serve /hello and /bytes, and httpd /cpu through mod_lua):\n");
        for (Scenario s : Scenarios.of(suite, cores)) {
            boolean byDefault = Scenarios.defaults(suite, cores).contains(s.name());
            sb.append(String.format(Locale.ROOT, "%s %-15s %s%n", byDefault ? "*" : " ", s.name(), s.description()));
            sb.append(String.format(Locale.ROOT, "  %-15s path %s%s, levels %s%n", "", s.javaPath(),
                    s.peerPath() != null ? ""
                            : Scenarios.HTTPD_SERVES.contains(s.name()) ? " (java, httpd and url= targets)"
                            : " (java and url= targets only)",
                    s.name().equals(Scenarios.EQUAL_LOAD) ? "c" + Scenarios.EQUAL_LOAD_CONNECTIONS + "-r(chosen in the run)"
                            : s.levels().stream().map(Level::label).collect(Collectors.joining(" "))));
        }
        sb.append("* runs in ").append(suite.label()).append(" by default; name others with --scenarios.\n");
        sb.append("Targets: ").append(String.join(", ", TargetSpec.DEFAULTS)).append(", url=http://host:port[,pid=N]\n");
        sb.append(String.format(Locale.ROOT, "Defaults: %s measures %ds after %ds of warm-up, %d repeat(s).%n",
                suite.label(), suite.duration().toSeconds(), suite.warmup().toSeconds(), suite.repeats()));
        sb.append("Micro pass: ").append(suite == SuiteKind.FULL ? "full runs" : "quick does not run")
                .append(" a short JMH pass after the scenarios (MicroMain ").append(String.join(" ", MicroPass.JMH_ARGS))
                .append(", at most ").append(MicroPass.TIMEOUT_MIN).append(" min) into jmh.csv, jmh.json, memory.csv;"
                        + " --micro / --no-micro force it either way.\n");
        return sb.toString();
    }
}
