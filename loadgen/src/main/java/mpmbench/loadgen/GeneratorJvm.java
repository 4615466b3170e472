package mpmbench.loadgen;

import java.lang.management.ManagementFactory;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * The JVM options every load-generator process is started with (the launcher, the suite, the agents
 * and the measuring scripts), and the compiler this JVM runs with.
 *
 * <p>The generator's JIT shares its one pinned core with the send loop: a C2 compile of the loop's
 * methods after the warm-up takes the core for milliseconds and every send due meanwhile is late.
 * Measured against nginx on the 2-vCPU machine (issue 9, {@code scripts/measure-loadgen}), with a 2 s
 * warm-up the send lag p99 at 500 and 2,000 req/s was 0.3–0.6 ms with C2 and 43–44 µs with
 * {@code -XX:TieredStopAtLevel=1} (C1 only: compiles early and cheaply, nothing recompiles later);
 * at 10,000–45,000 req/s both were within 12–30 µs. C1's cost: connection churn at saturation served
 * 5–8 % fewer requests/s (0.86× wrk's against 0.96× with C2) with about 5 % more CPU per request. So
 * the open model, where send times are the point, runs C1 only ({@link #OPEN_MODEL_OPTIONS}); the
 * closed model, where the generator's top rate is the point and a late send is no error, keeps C2.
 * The serial collector: the loop allocates nothing per request, and it adds no GC thread to the core.
 * {@code scripts/lib/generator-jvm.sh} holds the same lists for the shell scripts (a test keeps them
 * equal).
 */
public final class GeneratorJvm {

    /** The options of every generator JVM, in order, as given to {@code java} before {@code -jar}. */
    public static final List<String> OPTIONS = List.of("-XX:+UseSerialGC");

    /** Added after {@link #OPTIONS} when the run is in the open model ({@code -R}). */
    public static final List<String> OPEN_MODEL_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private GeneratorJvm() {
    }

    /** {@link #OPTIONS}, then {@link #OPEN_MODEL_OPTIONS} for an open-model run. */
    public static List<String> options(boolean openModel) {
        if (!openModel) {
            return OPTIONS;
        }
        List<String> all = new java.util.ArrayList<>(OPTIONS);
        all.addAll(OPEN_MODEL_OPTIONS);
        return List.copyOf(all);
    }

    /**
     * The JIT compilers of this JVM: {@code c1} when it stops at tier 1 (as {@link #OPEN_MODEL_OPTIONS} ask),
     * {@code c1+c2} otherwise; {@code unknown} on a JVM without HotSpot's diagnostic bean.
     */
    public static String jit() {
        try {
            HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return "1".equals(hs.getVMOption("TieredStopAtLevel").getValue()) ? "c1" : "c1+c2";
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The AOT cache this JVM started from ({@link GeneratorAotCache}): its path; {@code none} when it was
     * started without one; {@code refused PATH} when one was given but the JVM did not map it (stale, of
     * another jar or JDK: no class data is shared then, {@code java.vm.info} lacks "sharing");
     * {@code unknown} when the JVM does not say.
     */
    public static String aotCache() {
        try {
            String path = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("-XX:AOTCache=")).reduce((a, b) -> b)
                    .map(a -> a.substring("-XX:AOTCache=".length())).orElse("");
            if (path.isEmpty()) {
                return "none";
            }
            return String.valueOf(System.getProperty("java.vm.info")).contains("sharing") ? path : "refused " + path;
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
