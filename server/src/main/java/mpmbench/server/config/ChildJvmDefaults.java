package mpmbench.server.config;

import java.util.List;

/** The default {@code ChildJvmOptions}: the JVM flags every child process starts with. */
public final class ChildJvmDefaults {

    /**
     * Small-footprint flags for a child JVM: serial GC (no GC threads to speak of), a small fixed
     * heap, small thread stacks (prefork and worker children run many platform threads), and two
     * compiler threads with the full C2 tier kept so steady-state speed is not crippled.
     *
     * <p>This is a starting point, not a measured choice: the master measures start time, PSS and
     * req/s after warm-up with candidate flag sets and may override this list (see DESIGN.md,
     * "Child JVMs"). CDS/AOT flags are deliberately absent: the master adds them itself, because
     * the archive path is only known at run time.
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
