package mpmbench.benchmarks.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The memory per idle connection from two readings (the arithmetic and every case that leaves it empty),
 * and the parsers behind a reading: real smaps_rollup and smaps files (captured from bash and cat), and
 * jcmd's answers.
 */
class HeldMemoryTest {

    /** A reading with its memory on the first process and as many descriptors each. */
    private static HeldMemory.Reading reading(long kib, Integer... pids) {
        long[] k = new long[pids.length];
        k[0] = kib;
        return HeldMemory.Reading.of(List.of(pids), k, new long[pids.length]);
    }

    @Test
    void the_difference_of_two_readings_of_the_same_processes_per_connection_held() {
        HeldMemory.Figure f = HeldMemory.perConnection(reading(40_000, 10, 11), reading(49_600, 10, 11), 300);
        assertEquals(32.0, f.kibPerConnection(), 1e-9);
        assertNull(f.whyNot());
        // noise larger than what the connections hold is reported as measured, not clipped to 0
        assertEquals(-0.5, HeldMemory.perConnection(reading(1000, 10), reading(900, 10), 200).kibPerConnection(), 1e-9);
    }

    @Test
    void empty_with_the_reason_never_0_or_a_guess() {
        HeldMemory.Reading a = reading(40_000, 10, 11);
        assertEmpty(HeldMemory.perConnection(null, a, 300), "not read before");
        assertEmpty(HeldMemory.perConnection(a, null, 300), "not read while");
        assertEmpty(HeldMemory.perConnection(HeldMemory.Reading.failed("process 10: jcmd 10 exited with 1"), a, 300),
                "before the idle connections failed: process 10: jcmd 10 exited with 1");
        assertEmpty(HeldMemory.perConnection(a, HeldMemory.Reading.failed("no live process of the target"), 300),
                "while the idle connections were held failed");
        assertEmpty(HeldMemory.perConnection(a, reading(41_000, 10, 11), 0), "no idle connection held");
        assertEmpty(HeldMemory.perConnection(a, reading(41_000, 10, 11), Double.NaN), "no idle connection held");
        // a child started for the idle connections (or one exited) and those present at both took none of them
        assertEmpty(HeldMemory.perConnection(a, reading(90_000, 10, 11, 12), 300), "took 0 of the 300");
    }

    /**
     * A child started between the readings (an event model past its connections per process): the new one
     * and its connections are left out, the others count by their own growth over their descriptors'.
     */
    @Test
    void with_a_process_started_between_the_readings_only_those_at_both_count() {
        List<Integer> two = List.of(10, 11);
        List<Integer> three = List.of(10, 11, 12);
        HeldMemory.Reading before = HeldMemory.Reading.of(two, new long[] {30_000, 40_000}, new long[] {20, 60});
        // 11 took 100 more connections (+4000 KiB), 10 none; the new 12 holds 100 in its 35000 KiB
        HeldMemory.Reading after = HeldMemory.Reading.of(three, new long[] {30_100, 44_000, 35_000},
                new long[] {20, 160, 120});
        assertEquals(4100.0 / 100, HeldMemory.perConnection(before, after, 200).kibPerConnection(), 1e-9);
        // the process that held 11's connections exited: 10 alone took 5 of 200, too few to say
        HeldMemory.Reading gone = HeldMemory.Reading.of(List.of(10, 12), new long[] {30_300, 60_000},
                new long[] {25, 200});
        assertEmpty(HeldMemory.perConnection(before, gone, 200), "took 5 of the 200");
    }

    private static void assertEmpty(HeldMemory.Figure f, String why) {
        assertTrue(Double.isNaN(f.kibPerConnection()), f.toString());
        assertTrue(f.whyNot() != null && f.whyNot().contains(why), f.whyNot());
    }

    @Test
    void anonymous_and_shared_memory_pss_of_smaps_rollup() throws IOException {
        assertEquals(799 + 0, HeldMemory.anonKib(ProcFilesTest.fixture("smaps_rollup")));
        String older = "Rss:  4436 kB\nPss:  998 kB\n"; // a kernel before the split: no figure rather than 0
        assertThrows(IllegalArgumentException.class, () -> HeldMemory.anonKib(older));
        assertEquals(150, HeldMemory.anonKib("Pss:  300 kB\nPss_Anon:  100 kB\nPss_File:  150 kB\nPss_Shmem:  50 kB\n"));
    }

    @Test
    void anonymous_memory_of_the_mappings_inside_a_range_of_a_real_smaps() throws IOException {
        // cat's own smaps: [heap] is 562b4ea67000-562b4ea88000 (16 kB, all anonymous); the binary's five
        // mappings have a Pss of 48 kB, of which only the two written ones' 4 + 4 kB are anonymous; its last
        // mapping, [vsyscall] at ffffffffff600000, is read too (addresses are unsigned)
        assertEquals(16, within(0x562b4ea67000L, 0x562b4ea88000L));
        assertEquals(4 + 4, within(0x562b3d4d7000L, 0x562b3d4e3000L));
        assertEquals(0, within(0x100000000L, 0x200000000L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> within(0x562b4ea70000L, 0x562b4ea90000L));
        assertTrue(e.getMessage().contains("straddles"), e.getMessage());
    }

    private static long within(long low, long high) throws IOException {
        try (BufferedReader r = new BufferedReader(new StringReader(ProcFilesTest.fixture("held/smaps")))) {
            return HeldMemory.anonWithinKib(r, low, high);
        }
    }

    /** jcmd PID -f FILE with GC.class_histogram and GC.heap_info, Serial's generations (a child JVM's). */
    static final String SERIAL = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          9012         912344  [B (java.base@25)
               2:          8120         194880  java.lang.String (java.base@25)
            Total         41234        4718592
            12345:
             def new generation   total 4928K, used 301K [0x00000000fa000000, 0x00000000fa550000, 0x00000000fbaa0000)
              eden space 4416K,   6% used [0x00000000fa000000, 0x00000000fa04b5d8, 0x00000000fa450000)
              from space 512K,   0% used [0x00000000fa450000, 0x00000000fa450000, 0x00000000fa4d0000)
              to   space 512K,   0% used [0x00000000fa4d0000, 0x00000000fa4d0000, 0x00000000fa550000)
             tenured generation   total 10944K, used 4306K [0x00000000fbaa0000, 0x00000000fc550000, 0x0000000100000000)
             Metaspace       used 7961K, committed 8192K, reserved 1114112K
              class space    used 802K, committed 960K, reserved 1048576K
            """;

    /** The same from a G1 JVM: one heap line. */
    static final String G1 = """
            777:
            Total        120000       10485760
            777:
             garbage-first heap   total reserved 262144K, committed 16384K, used 10240K [0x00000000f0000000, 0x0000000100000000)
              region size 1024K, 2 young (2048K), 0 survivors (0K)
             Metaspace       used 9000K, committed 9216K, reserved 1114112K
            """;

    @Test
    void live_bytes_and_heap_bounds_from_jcmd() throws IOException {
        assertEquals(new HeldMemory.JavaHeap(4_718_592, 0xfa000000L, 0x100000000L), HeldMemory.parseJcmd(SERIAL));
        // JDK 25's own answer (Temurin 25.0.3, -XX:+UseSerialGC -Xms16m -Xmx96m, the histogram's rows cut)
        assertEquals(new HeldMemory.JavaHeap(4_371_304, 0xfa000000L, 0x100000000L),
                HeldMemory.parseJcmd(ProcFilesTest.fixture("held/jcmd-serial.txt")));
        assertEquals(new HeldMemory.JavaHeap(10_485_760, 0xf0000000L, 0x100000000L), HeldMemory.parseJcmd(G1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HeldMemory.parseJcmd(
                "12: \n ZHeap           used 24M, capacity 512M, max capacity 8192M\nTotal 10 1024\n"))
                .getMessage().contains("no heap bounds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HeldMemory.parseJcmd(
                "12:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file\n"))
                .getMessage().contains("no Total line"));
    }
}
