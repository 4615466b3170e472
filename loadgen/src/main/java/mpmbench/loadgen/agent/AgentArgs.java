package mpmbench.loadgen.agent;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import mpmbench.loadgen.LoadSpec;

/**
 * The {@code mpmbench load} flags that describe one agent's share, so the agent parses them with the
 * same command line as a local run (and validates them in the same place, {@link LoadSpec}).
 * Durations are written in µs with 3 decimals (exact to the ns), the rate as Java writes a double
 * (exact).
 */
final class AgentArgs {

    private AgentArgs() {
    }

    static List<String> of(LoadSpec s) {
        List<String> a = new ArrayList<>();
        add(a, "-t", Integer.toString(s.threads()));
        add(a, "-c", Integer.toString(s.connections()));
        add(a, "-d", duration(s.duration()));
        if (s.open()) {
            add(a, "-R", Double.toString(s.rate()));
        }
        add(a, "--warmup", duration(s.warmup()));
        if (!s.settle().isZero()) {
            add(a, "--settle", duration(s.settle())); // the cap; the coordinator ends the warm-up (MEASURE)
        }
        add(a, "--timeout", duration(s.timeout()));
        add(a, "--connect-timeout", duration(s.connectTimeout()));
        if (!s.keepAlive()) {
            a.add("--no-keepalive");
        }
        add(a, "--pipeline", Integer.toString(s.pipeline()));
        add(a, "--idle", Integer.toString(s.idle()));
        add(a, "--idle-interval", duration(s.idleInterval()));
        if (s.idleRate() > 0) {
            add(a, "--idle-rate", Double.toString(s.idleRate()));
        }
        add(a, "--spin", duration(s.spin()));
        add(a, "--io", s.io().text());
        if (!s.bindAddresses().isEmpty()) {
            add(a, "--bind", s.bindAddresses().stream().map(InetAddress::getHostAddress).collect(Collectors.joining(",")));
        }
        for (String h : s.headers()) {
            add(a, "-H", h);
        }
        add(a, "--tls-protocols", String.join(",", s.tls().protocols()));
        add(a, "--tls-resume", s.tls().resume().text());
        add(a, "--tls-groups", s.tls().groupsFlag());
        add(a, "--tls-engine", s.tls().engine().text());
        if (s.tls().verify()) {
            a.add("--tls-verify");
        }
        a.add(s.target().url());
        return a;
    }

    private static void add(List<String> a, String flag, String value) {
        a.add(flag);
        a.add(value);
    }

    private static String duration(Duration d) {
        return String.format(Locale.ROOT, "%.3fus", d.toNanos() / 1000.0);
    }
}
