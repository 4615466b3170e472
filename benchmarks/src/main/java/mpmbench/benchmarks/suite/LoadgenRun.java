package mpmbench.benchmarks.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the load generator as a separate process ({@code java -jar mpmbench-loadgen.jar}),
 * pinned when the plan pins, with {@code --json}, {@code --hgrm}, {@code --hlog} and
 * {@code --progress}. Its per-second progress lines (stderr) are parsed as they arrive; its result is
 * read back from the JSON file. The suite never links the load generator's classes.
 */
public final class LoadgenRun {

    /** One progress line: seconds since the run started, warm-up or not, completed in that second,
     *  errors so far. */
    public record Second(double tS, boolean warmup, long rps, long errorsTotal) {
    }

    /** What a run left: the JSON fields by name, the progress seconds, the exit code. */
    public record Outcome(Map<String, String> json, List<Second> seconds, int exitCode, String stderrTail) {
        public double num(String field) {
            String v = json.get(field);
            return v == null ? Double.NaN : Double.parseDouble(v);
        }
    }

    private static final Pattern PROGRESS = Pattern.compile(
            "^\\s*([0-9.]+)s (warm-up|\\s+)\\s+(\\d+) req/s\\s+errors (\\d+)");
    private static final Pattern JSON_FIELD = Pattern.compile("\"([A-Za-z0-9_]+)\":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,\\n}]+)");

    private LoadgenRun() {
    }

    /** The command line for one level of a scenario against a URL. */
    public static List<String> command(SuitePlan plan, String url, Scenario s, Level level, Duration duration,
                                       Path json, Path hgrm, Path hlog) {
        List<String> cmd = new ArrayList<>(plan.pinLoad());
        cmd.addAll(List.of(plan.java(), "-XX:+UseSerialGC", "-jar", plan.loadgenJar().toString(),
                "-t", "1", "-c", Integer.toString(level.connections()),
                "-d", duration.toMillis() + "ms", "--warmup", plan.warmup().toMillis() + "ms",
                "--timeout", "2s", "--progress", "--json", json.toString(), "--hgrm", hgrm.toString(),
                "--hlog", hlog.toString()));
        if (level.rate() > 0) {
            cmd.addAll(List.of("-R", String.format(Locale.ROOT, "%.0f", level.rate())));
        }
        if (level.idle() > 0) {
            cmd.addAll(List.of("--idle", Integer.toString(level.idle())));
        }
        if (!s.keepAlive()) {
            cmd.add("--no-keepalive");
        }
        cmd.add(url);
        return cmd;
    }

    /**
     * The command of an idle-connection holder: {@code idle} keep-alive connections opened first and
     * held open for {@code hold} (each re-sends its request every 3 s), beside one active connection at
     * 1 request/s. The measured run starts once they are established, so its connections are new
     * clients, as in "N idle connections held open, then wrk as new clients".
     */
    public static List<String> holderCommand(SuitePlan plan, String url, int idle, Duration hold, Path json) {
        List<String> cmd = new ArrayList<>(plan.pinLoad());
        cmd.addAll(List.of(plan.java(), "-XX:+UseSerialGC", "-jar", plan.loadgenJar().toString(), "-t", "1", "-c", "1",
                "-R", "1", "-d", hold.toMillis() + "ms", "--timeout", "2s", "--idle", Integer.toString(idle),
                "--json", json.toString(), url));
        return cmd;
    }

    /** Starts a command in the background with its output in {@code log}. */
    public static Process start(List<String> cmd, Path log) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Runs the command, calling {@code onSecond} from a reader thread for every progress line, and
     * waits at most {@code limit}. Throws IOException when the process cannot start or overruns.
     */
    public static Outcome run(List<String> cmd, Path json, Path consoleOut, Duration limit, Consumer<Second> onSecond)
            throws IOException, InterruptedException {
        Files.deleteIfExists(json);
        Process p = new ProcessBuilder(cmd).redirectOutput(consoleOut.toFile()).start();
        List<Second> seconds = new ArrayList<>();
        List<String> other = new ArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().name("loadgen-stderr").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Second s = parseProgress(line);
                    if (s != null) {
                        synchronized (seconds) {
                            seconds.add(s);
                        }
                        onSecond.accept(s);
                    } else if (!line.isBlank()) {
                        synchronized (other) {
                            other.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
        });
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            throw new IOException("the load generator did not finish within " + limit.toSeconds() + " s");
        }
        reader.join(2_000);
        Map<String, String> fields = Files.exists(json) ? parseJson(Files.readString(json)) : Map.of();
        String tail;
        synchronized (other) {
            tail = String.join(" | ", other.subList(Math.max(0, other.size() - 3), other.size()));
        }
        synchronized (seconds) {
            return new Outcome(fields, List.copyOf(seconds), p.exitValue(), tail);
        }
    }

    /** A progress line, or null when the line is something else. */
    public static Second parseProgress(String line) {
        Matcher m = PROGRESS.matcher(line);
        if (!m.find()) {
            return null;
        }
        return new Second(Double.parseDouble(m.group(1)), m.group(2).equals("warm-up"), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)));
    }

    /** The fields of the load generator's flat JSON object, values as text (strings unquoted). */
    public static Map<String, String> parseJson(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = JSON_FIELD.matcher(text);
        while (m.find()) {
            String v = m.group(2).trim();
            if (v.startsWith("\"")) {
                v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            fields.put(m.group(1), v);
        }
        return fields;
    }
}
