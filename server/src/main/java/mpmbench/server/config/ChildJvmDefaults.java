package mpmbench.server.config;

import java.util.List;

/** The default {@code ChildJvmOptions}: the JVM flags every child process starts with. */
public final class ChildJvmDefaults {

    /**
     * Small-footprint flags for a child JVM: serial GC (no GC threads to speak of), a small fixed
     * heap, small thread stacks (prefork and worker children run many platform threads), and two
     * compiler threads with the full C2 tier kept so steady-state speed is not crippled.
     *
     * <p>Chosen by measurement ({@code scripts/measure-child-flags}, committed run in
     * {@code results/child-flags-2026-11-26/}): against C1-only code, the JVM's defaults and serial GC
     * alone, these flags started five prefork children fastest (median 2.5 s on a loaded 2-core VM)
     * and served the most req/s after warm-up (27.4k vs 24.8k for C1-only); C1-only saved 3 MiB of
     * PSS per child (33.7 vs 36.7 MiB) at a 10% cost in speed, which would bias the comparison
     * against prefork's many processes less than it would slow every model. CDS flags are absent on
     * purpose: the master adds them, because the archive path is only known at run time.
     */
    public static final List<String> OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-Xms16m",
            "-Xmx96m",
            "-Xss512k",
            "-XX:+UseCompressedOops",
            "-XX:TieredStopAtLevel=4",
            "-XX:CICompilerCount=2");

    private ChildJvmDefaults() {
    }
}
