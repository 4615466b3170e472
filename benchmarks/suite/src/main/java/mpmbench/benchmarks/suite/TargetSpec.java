package mpmbench.benchmarks.suite;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.Targets;

/**
 * What the suite runs load against. {@code java-MPM} is our server as a process, {@code httpd-MPM}
 * Debian's apache2 with one MPM, {@code nginx} Debian's nginx, and {@code url=http://host:port[,pid=N]}
 * any running server (process telemetry only when a PID is given).
 *
 * @param name  as given on the command line and written in every file
 * @param kind  which launcher starts it
 * @param mpm   prefork, worker, event or virtual for java and httpd; empty otherwise
 * @param url   the base URL of a {@code url=} target; empty otherwise
 * @param pid   the PID of a {@code url=} target, or 0
 */
public record TargetSpec(String name, Kind kind, String mpm, String url, int pid) {

    public enum Kind { JAVA, HTTPD, NGINX, URL }

    /** Every model and peer: what {@code full} runs when {@code --targets} is not given, and {@code --targets all}. */
    public static final List<String> DEFAULTS = Targets.ALL;

    /**
     * What {@code quick} runs when {@code --targets} is not given: the targets the claims read (prefork,
     * worker and event, ours and httpd's). With fresh instances for every repeat, all eight do not fit
     * its 10 minutes on 2 cores; java-virtual and nginx run in {@code full} or with {@code --targets all}.
     */
    public static final List<String> QUICK_DEFAULTS = Targets.QUICK;

    /** Parses one target name; throws IllegalArgumentException naming what is wrong. */
    public static TargetSpec parse(String s) {
        String t = s.trim();
        if (t.startsWith("url=")) {
            String rest = t.substring(4);
            int pid = 0;
            int comma = rest.indexOf(",pid=");
            if (comma >= 0) {
                pid = Integer.parseInt(rest.substring(comma + 5));
                rest = rest.substring(0, comma);
            }
            URI uri = URI.create(rest);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("target '" + s + "': url= needs http://host[:port]");
            }
            String base = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
            return new TargetSpec(t, Kind.URL, "", base, pid);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals(Targets.NGINX)) {
            return new TargetSpec(Targets.NGINX, Kind.NGINX, "", "", 0);
        }
        for (String mpm : Targets.MODELS) {
            if (lower.equals(Targets.name(Targets.JAVA, mpm))) {
                return new TargetSpec(lower, Kind.JAVA, mpm, "", 0);
            }
            if (lower.equals(Targets.name(Targets.HTTPD, mpm)) && Targets.HTTPD_MODELS.contains(mpm)) {
                return new TargetSpec(lower, Kind.HTTPD, mpm, "", 0);
            }
        }
        throw new IllegalArgumentException("unknown target '" + s + "'; accepted: " + String.join(", ", DEFAULTS)
                + ", url=http://host:port[,pid=N]");
    }

    /** The family used by the claims: {@code java}, {@code httpd}, {@code nginx} or {@code url}. */
    public String family() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The path a scenario requests from this target, or {@code null} when it cannot serve it. */
    public String pathFor(Scenario scenario) {
        return switch (kind) {
            case JAVA, URL -> scenario.javaPath();
            case HTTPD -> scenario.peerPath() != null ? scenario.peerPath()
                    : Scenarios.HTTPD_SERVES.contains(scenario.name()) ? scenario.javaPath() : null;
            case NGINX -> scenario.peerPath();
        };
    }

    /** True for a base build's model ({@code base:java-event}, {@code suite --baseline}; see {@link Baseline}). */
    public boolean base() {
        return name.startsWith(Baseline.PREFIX);
    }

    /** The same model of the base build: {@code java-event} becomes {@code base:java-event}. */
    public TargetSpec asBase() {
        return new TargetSpec(Baseline.PREFIX + name, kind, mpm, url, pid);
    }

    /** True when the suite starts and stops it (and so can kill its children and time its start). */
    public boolean launched() {
        return kind != Kind.URL;
    }
}
