package mpmbench.benchmarks.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Where a target's CPU went in one window, from {@link PerfWindow}'s files: the samples of the
 * target's processes by what ran ({@link Code}) and by which kind of thread ran it ({@link Work}),
 * with the system calls and context switches on its CPUs per request. Reads perf's own output
 * ({@code perf report -F sample,comm,dso,sym -t '|'}, {@code perf stat -x ,}); nothing is estimated:
 * a share is samples over samples, a count per request is perf's count over the window's requests.
 * Stateless.
 */
public final class PerfReport {

    /** What ran, by the sampled instruction's place. */
    public enum Code {
        /** the kernel (system calls, the network stack, scheduling, interrupts) */
        KERNEL,
        /** the JVM's interpreter (Java not yet compiled) */
        INTERPRETER,
        /** Java compiled by the JIT (C1, C2) */
        JIT,
        /** the JVM itself: GC, the compilers, class loading, the runtime ({@code libjvm.so}) */
        JVM,
        /** the C library */
        LIBC,
        /** anything else: a native server's own code and libraries (httpd, nginx, APR) */
        OTHER
    }

    /** Which kind of thread ran, by the JVM's thread names (a native server's threads are all {@code SERVING}). */
    public enum Work {
        /** the JIT compilers' threads */
        COMPILER,
        /** the garbage collector's and the VM's own threads */
        GC_AND_VM,
        /** every other thread: accepting, reading, handling, writing, watching */
        SERVING
    }

    /**
     * One window's profile.
     *
     * @param samples        the target's samples (at {@link PerfWindow#FREQUENCY_HZ} per busy CPU)
     * @param code           share of the samples per {@link Code}, %
     * @param work           share of the samples per {@link Work}, %
     * @param syscalls       system calls on the target's CPUs over the window (every process there)
     * @param ctxSwitches    context switches on the target's CPUs over the window
     * @param topSymbols     the most sampled symbols with their share, %, most first
     */
    public record Profile(long samples, Map<Code, Double> code, Map<Work, Double> work, double syscalls,
                          double ctxSwitches, Map<String, Double> topSymbols) {
    }

    /** How many symbols {@link Profile#topSymbols} keeps. */
    public static final int TOP = 25;

    private PerfReport() {
    }

    /**
     * Reads {@code data} (perf record's) for the processes {@code pids} and {@code stat} (perf
     * stat's CSV); throws with one line when perf cannot read them.
     */
    public static Profile read(Path data, Path stat, List<Integer> pids) throws IOException, InterruptedException {
        List<String> cmd = List.of("perf", "report", "-i", data.toString(), "--stdio", "--no-children", "-q",
                "-g", "none", "-F", "sample,comm,dso,sym", "-t", "|", "--pid",
                pids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("perf report could not read " + data);
        }
        return parse(out, Files.exists(stat) ? Files.readString(stat) : "");
    }

    /** From {@code perf report -F sample,comm,dso,sym -t '|'}'s lines and perf stat's CSV. */
    static Profile parse(String report, String statCsv) {
        Map<Code, Long> code = new LinkedHashMap<>();
        Map<Work, Long> work = new LinkedHashMap<>();
        Map<String, Long> symbols = new LinkedHashMap<>();
        long total = 0;
        for (String line : report.split("\n")) {
            String[] f = line.split("\\|", 4);
            if (f.length < 4 || f[0].isBlank() || line.startsWith("#")) {
                continue;
            }
            long n;
            try {
                n = Long.parseLong(f[0].strip());
            } catch (NumberFormatException e) {
                continue;
            }
            String comm = f[1].strip();
            String dso = f[2].strip();
            String sym = f[3].strip().replaceFirst("^\\[[.k]\\] ", "");
            total += n;
            code.merge(code(dso, sym), n, Long::sum);
            work.merge(work(comm), n, Long::sum);
            symbols.merge(sym + "  (" + place(dso, sym) + ")", n, Long::sum);
        }
        long all = total;
        Map<Code, Double> codePct = new LinkedHashMap<>();
        for (Code c : Code.values()) {
            codePct.put(c, pct(code.getOrDefault(c, 0L), all));
        }
        Map<Work, Double> workPct = new LinkedHashMap<>();
        for (Work w : Work.values()) {
            workPct.put(w, pct(work.getOrDefault(w, 0L), all));
        }
        Map<String, Double> top = new LinkedHashMap<>();
        symbols.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> top.put(e.getKey(), pct(e.getValue(), all)));
        return new Profile(all, codePct, workPct, stat(statCsv, PerfWindow.STAT_EVENTS.get(0)),
                stat(statCsv, PerfWindow.STAT_EVENTS.get(1)), top);
    }

    static Code code(String dso, String sym) {
        if (dso.startsWith("[kernel") || dso.startsWith("[vdso")) {
            return Code.KERNEL;
        }
        if (dso.startsWith("[JIT]") || dso.startsWith("perf-") || dso.contains("/perf-")) {
            return sym.equals("Interpreter") ? Code.INTERPRETER : Code.JIT;
        }
        if (dso.startsWith("libjvm")) {
            return Code.JVM;
        }
        if (dso.startsWith("libc.so") || dso.startsWith("libc-")) {
            return Code.LIBC;
        }
        return Code.OTHER;
    }

    static Work work(String comm) {
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return Work.COMPILER;
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")
                || comm.startsWith("VM Periodic") || comm.startsWith("Signal Dispatch") || comm.startsWith("Service Thread")
                || comm.startsWith("Common-Cleaner") || comm.startsWith("Finalizer") || comm.startsWith("Reference Handl")) {
            return Work.GC_AND_VM;
        }
        return Work.SERVING;
    }

    /** perf stat's count of {@code event} ({@code -x ,}: count,unit,event,...), NaN when absent or not counted. */
    static double stat(String csv, String event) {
        for (String line : csv.split("\n")) {
            String[] f = line.split(",");
            if (f.length >= 3 && f[2].equals(event)) {
                try {
                    return Double.parseDouble(f[0]);
                } catch (NumberFormatException e) {
                    return Double.NaN; // "<not counted>" or "<not supported>"
                }
            }
        }
        return Double.NaN;
    }

    /** Where a symbol lives, for the top list: the dso, or what the JVM's code cache holds. */
    private static String place(String dso, String sym) {
        return switch (code(dso, sym)) {
            case INTERPRETER -> "the JVM's interpreter";
            case JIT -> "JIT-compiled";
            default -> dso;
        };
    }

    private static double pct(long n, long all) {
        return all > 0 ? 100.0 * n / all : Double.NaN;
    }

    /** The profile as text: the two breakdowns, the counts per request and the top symbols. */
    public static String text(Profile p, double requests, double cpuUsPerReq) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "samples of the target: %d (%d Hz per CPU)%n", p.samples(),
                PerfWindow.FREQUENCY_HZ));
        b.append(String.format(Locale.ROOT, "CPU per request: %.2f µs (the target's, from the kernel's account)%n",
                cpuUsPerReq));
        b.append(String.format(Locale.ROOT, "system calls per request on its CPUs: %.2f; context switches: %.2f%n%n",
                p.syscalls() / requests, p.ctxSwitches() / requests));
        b.append("what ran            share   µs/request\n");
        p.code().forEach((c, v) -> b.append(String.format(Locale.ROOT, "%-18s %5.1f %%  %8.2f%n",
                c.name().toLowerCase(Locale.ROOT), v, v / 100 * cpuUsPerReq)));
        b.append("\nwhich threads       share   µs/request\n");
        p.work().forEach((w, v) -> b.append(String.format(Locale.ROOT, "%-18s %5.1f %%  %8.2f%n",
                w.name().toLowerCase(Locale.ROOT).replace('_', ' '), v, v / 100 * cpuUsPerReq)));
        b.append("\ntop symbols (share of the target's samples)\n");
        p.topSymbols().forEach((s, v) -> b.append(String.format(Locale.ROOT, "%5.1f %%  %s%n", v, s)));
        return b.toString();
    }

    /** The shares in a list, {@link Code} then {@link Work}, in their declared order (profile.csv's order). */
    public static List<Double> shares(Profile p) {
        List<Double> out = new ArrayList<>(p.code().values());
        out.addAll(p.work().values());
        return out;
    }
}
