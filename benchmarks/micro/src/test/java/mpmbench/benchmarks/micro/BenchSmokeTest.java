package mpmbench.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Each benchmark, without JMH: for every {@code Bench_*} class of the package and every combination
 * of its {@code @Param} values, instantiate it and call each {@code @Benchmark} method a few times,
 * with its {@code @Setup} and {@code @TearDown} methods around them at their levels, and check the result is
 * sane (not null, not negative). Catches a broken benchmark in seconds rather than after a real run.
 *
 * <p>Benchmarks whose state holds only the benchmark class itself are supported (all of ours).
 * {@link Bench_03_ChildJvmStart} replaces its JVM's stdin with a listening socket, which would cut
 * surefire's line to this JVM, so it runs in a JVM of its own through {@link #main}.
 */
class BenchSmokeTest {

    private static final int CALLS = 3;

    static Stream<String> benchmarkClasses() throws IOException, URISyntaxException {
        Path dir = Path.of(Bench_01_ThreadStart.class.getResource("Bench_01_ThreadStart.class").toURI()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Bench_") && n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void findsTheBenchmarksAndNumbersAreUnique() throws Exception {
        List<String> names = benchmarkClasses().toList();
        assertTrue(names.size() >= 13, names.toString());
        assertEquals(names.size(), names.stream().map(n -> n.substring(0, 8)).distinct().count(),
                "a Bench_NN number is used twice: " + names);
    }

    @ParameterizedTest
    @MethodSource("benchmarkClasses")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void runsOnceWithEveryParameter(String simpleName) throws Exception {
        if (simpleName.equals("Bench_03_ChildJvmStart")) {
            runInOwnJvm(simpleName);
            return;
        }
        runAll(Class.forName(BenchSmokeTest.class.getPackageName() + "." + simpleName), CALLS);
    }

    private static void runInOwnJvm(String simpleName) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), BenchSmokeTest.class.getName(), simpleName)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out");
        assertEquals(0, p.exitValue(), new String(out));
    }

    /** Runs the named benchmarks in this JVM, one call per method (a child JVM start takes long). */
    public static void main(String[] args) throws Exception {
        for (String name : args) {
            runAll(Class.forName(BenchSmokeTest.class.getPackageName() + "." + name), 1);
        }
        System.exit(0);
    }

    static void runAll(Class<?> type, int calls) throws Exception {
        List<Field> params = Arrays.stream(type.getFields())
                .filter(f -> f.isAnnotationPresent(Param.class))
                .sorted(Comparator.comparing(Field::getName))
                .toList();
        for (List<String> combination : combinations(params)) {
            Object bench = type.getDeclaredConstructor().newInstance();
            for (int i = 0; i < params.size(); i++) {
                params.get(i).set(bench, combination.get(i));
            }
            String label = type.getSimpleName() + combination;
            fixtures(bench, true, Level.Trial);
            try {
                for (Method m : type.getMethods()) {
                    if (m.isAnnotationPresent(Benchmark.class)) {
                        for (int call = 0; call < calls; call++) {
                            fixtures(bench, true, Level.Iteration);
                            fixtures(bench, true, Level.Invocation);
                            try {
                                checkSane(label + "." + m.getName(), invoke(bench, m));
                            } finally {
                                fixtures(bench, false, Level.Invocation);
                                fixtures(bench, false, Level.Iteration);
                            }
                        }
                    }
                }
            } finally {
                fixtures(bench, false, Level.Trial);
            }
        }
    }

    private static List<List<String>> combinations(List<Field> params) {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of());
        for (Field f : params) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : all) {
                for (String v : f.getAnnotation(Param.class).value()) {
                    List<String> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(c);
                }
            }
            all = next;
        }
        return all;
    }

    /** Runs the {@code @Setup} (or {@code @TearDown}) methods of {@code level}. */
    private static void fixtures(Object bench, boolean setup, Level level) throws Exception {
        for (Method m : bench.getClass().getMethods()) {
            Level declared = setup
                    ? (m.isAnnotationPresent(Setup.class) ? m.getAnnotation(Setup.class).value() : null)
                    : (m.isAnnotationPresent(TearDown.class) ? m.getAnnotation(TearDown.class).value() : null);
            if (declared == level) {
                invoke(bench, m);
            }
        }
    }

    private static Object invoke(Object bench, Method m) throws Exception {
        try {
            return m.invoke(bench);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    private static void checkSane(String label, Object result) {
        assertNotNull(result, label + " returned null");
        if (result instanceof Number n) {
            assertFalse(n.doubleValue() < 0, label + " returned " + n);
        }
    }
}
