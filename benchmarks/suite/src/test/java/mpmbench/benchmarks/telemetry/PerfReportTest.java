package mpmbench.benchmarks.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PerfReportTest {

    /** perf report -F sample,comm,dso,sym -t '|' as perf 6.1 prints it for a child JVM, and perf stat -x , */
    private static final String REPORT = String.join("\n",
            " 50         |worker-3       |[kernel.kallsyms]   |[k] tcp_sendmsg_locked",
            " 20         |worker-3       |[JIT] tid 24183     |[.] void mpmbench.server.http.Http1Connection.serve()",
            " 10         |listener       |[JIT] tid 24183     |[.] Interpreter",
            " 10         |C2 CompilerThre|libjvm.so           |[.] PhaseChaitin::Split",
            " 6          |GC Thread#0    |libjvm.so           |[.] G1ParScanThreadState::trim_queue",
            " 4          |worker-3       |libc.so.6           |[.] __memmove_avx_unaligned_erms",
            "");
    private static final String STAT = String.join("\n", "# started on Sun Dec  6 09:04:47 2026", "",
            "4820,,raw_syscalls:sys_enter,1040149860,100.00,4.634,K/sec",
            "2096,,context-switches,1040147936,100.00,2.015,K/sec",
            "1040.15,msec,task-clock,1040146965,100.00,1.000,CPUs utilized");

    @Test
    void samples_are_shared_out_by_what_ran_and_by_which_threads() {
        PerfReport.Profile p = PerfReport.parse(REPORT, STAT);
        assertEquals(100, p.samples());
        assertEquals(50.0, p.code().get(PerfReport.Code.KERNEL));
        assertEquals(20.0, p.code().get(PerfReport.Code.JIT));
        assertEquals(10.0, p.code().get(PerfReport.Code.INTERPRETER));
        assertEquals(16.0, p.code().get(PerfReport.Code.JVM));
        assertEquals(4.0, p.code().get(PerfReport.Code.LIBC));
        assertEquals(0.0, p.code().get(PerfReport.Code.OTHER));
        assertEquals(10.0, p.work().get(PerfReport.Work.COMPILER));
        assertEquals(6.0, p.work().get(PerfReport.Work.GC_AND_VM));
        assertEquals(84.0, p.work().get(PerfReport.Work.SERVING));
        assertEquals(4820, p.syscalls());
        assertEquals(2096, p.ctxSwitches());
        assertEquals(List.of("tcp_sendmsg_locked  ([kernel.kallsyms])",
                "void mpmbench.server.http.Http1Connection.serve()  (JIT-compiled)"), p.topSymbols().keySet().stream().limit(2).toList());
    }

    @Test
    void a_native_server_is_other_code_on_serving_threads_and_an_uncounted_event_is_nan() {
        PerfReport.Profile p = PerfReport.parse(" 7 |nginx          |nginx               |[.] ngx_http_process_request_line\n",
                "<not counted>,,raw_syscalls:sys_enter,0,100.00,,\n");
        assertEquals(100.0, p.code().get(PerfReport.Code.OTHER));
        assertEquals(100.0, p.work().get(PerfReport.Work.SERVING));
        assertEquals(Double.NaN, p.syscalls());
        assertEquals(Double.NaN, p.ctxSwitches());
    }
}
