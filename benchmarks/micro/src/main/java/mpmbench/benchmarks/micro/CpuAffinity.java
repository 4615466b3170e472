package mpmbench.benchmarks.micro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * This JVM's CPU affinity, for a benchmark that must keep both ends of a switch on one CPU: read from
 * {@code /proc/self/status} ({@code Cpus_allowed_list}), set for every thread of the process with
 * util-linux's {@code taskset -a -p} (threads and processes started later inherit it). Linux only; any
 * failure is an {@link IllegalStateException} naming what failed, which fails that benchmark's trial.
 */
final class CpuAffinity {

    private CpuAffinity() {
    }

    /** The CPUs this process may run on, as the kernel lists them ({@code 0-1}, {@code 0,2-3}). */
    static String allowed() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring("Cpus_allowed_list:".length()).trim();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status: " + e.getMessage(), e);
        }
        throw new IllegalStateException("/proc/self/status has no Cpus_allowed_list");
    }

    /** The first CPU of a list as {@link #allowed()} gives it. */
    static String first(String list) {
        int end = 0;
        while (end < list.length() && Character.isDigit(list.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalStateException("not a CPU list: '" + list + "'");
        }
        return list.substring(0, end);
    }

    /** Every thread of this process to the CPUs of {@code list}. */
    static void set(String list) {
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", list, String.valueOf(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("taskset -a -p -c " + list + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run taskset (util-linux): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the CPU affinity", e);
        }
    }
}
