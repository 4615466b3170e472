package mpmbench.server.config;

import static mpmbench.server.config.Directive.MAX_REQUEST_WORKERS;
import static mpmbench.server.config.Directive.MAX_SPARE_SERVERS;
import static mpmbench.server.config.Directive.MAX_SPARE_THREADS;
import static mpmbench.server.config.Directive.MIN_SPARE_SERVERS;
import static mpmbench.server.config.Directive.MIN_SPARE_THREADS;
import static mpmbench.server.config.Directive.SERVER_LIMIT;
import static mpmbench.server.config.Directive.START_SERVERS;
import static mpmbench.server.config.Directive.THREADS_PER_CHILD;
import static mpmbench.server.config.Directive.THREAD_LIMIT;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the directives that apply to the model the way httpd's MPMs do in their
 * {@code *_check_config} hooks (server/mpm/prefork/prefork.c, worker/worker.c, event/event.c,
 * httpd 2.4): where httpd corrects a process or thread count and carries on, we make the same
 * correction and return httpd's warning; {@code --print-config} shows the value the server runs with.
 *
 * <p>Adjusted with a warning, in httpd's order: ServerLimit and ThreadLimit into 1..the compile-time
 * limit; ThreadsPerChild into 1..ThreadLimit; MaxRequestWorkers raised to ThreadsPerChild, lowered
 * to a multiple of it, lowered to ServerLimit × ThreadsPerChild (prefork: to ServerLimit);
 * StartServers, MinSpareServers, MinSpareThreads raised to 1; StartServers lowered to the most
 * children MaxRequestWorkers allows; MaxSpareServers raised to MinSpareServers + 1; MaxSpareThreads
 * raised to MinSpareThreads + ThreadsPerChild (the last three httpd does silently at start).
 *
 * <p>Refused (ConfigException), as httpd refuses them or because the server cannot run with them:
 * any other value out of its range ({@link Directive#accepted()}).
 */
final class ConfigValidator {

    /** The counts httpd's MPMs correct instead of refusing; checked below, not by range. */
    private static final Set<Directive> CORRECTED = EnumSet.of(SERVER_LIMIT, THREAD_LIMIT, THREADS_PER_CHILD,
            MAX_REQUEST_WORKERS, START_SERVERS, MIN_SPARE_SERVERS, MAX_SPARE_SERVERS, MIN_SPARE_THREADS,
            MAX_SPARE_THREADS);
    /** MAX_SERVER_LIMIT: prefork.c 200000, worker.c and event.c 20000. */
    private static final int PREFORK_MAX_SERVER_LIMIT = 200_000;
    private static final int THREADED_MAX_SERVER_LIMIT = 20_000;
    /** MAX_THREAD_LIMIT: worker.c 20000, event.c 100000. */
    private static final int WORKER_MAX_THREAD_LIMIT = 20_000;
    private static final int EVENT_MAX_THREAD_LIMIT = 100_000;

    private final DirectiveValues v;
    private final Mpm mpm;
    private final List<String> warnings = new ArrayList<>();

    private ConfigValidator(DirectiveValues v) {
        this.v = v;
        this.mpm = v.mpm();
    }

    /** Validates and adjusts {@code values} in place; returns the warnings of the adjustments. */
    static List<String> validate(DirectiveValues values) {
        ConfigValidator c = new ConfigValidator(values);
        c.ranges();
        c.ssl();
        switch (c.mpm) {
            case PREFORK -> c.prefork();
            case WORKER, EVENT -> c.threaded();
            case VIRTUAL -> c.atLeastOne(MAX_REQUEST_WORKERS);
        }
        return List.copyOf(c.warnings);
    }

    private void ranges() {
        for (Directive d : Directive.values()) {
            if (d.appliesTo(mpm) && !CORRECTED.contains(d) && !d.type().inRange(d, v.effective(d))) {
                throw new ConfigException(v.where(d) + d.httpdName() + " " + d.type().format(v.effective(d)) + ": "
                        + d.accepted());
            }
        }
    }

    /**
     * What mod_ssl refuses at start: {@code Listen ... https} without SSLEngine on (we would speak
     * plain HTTP on a port announced as https), and SSLEngine on without a certificate (AH02572).
     * Whether the files hold a certificate and its key is checked when the server starts.
     */
    private void ssl() {
        boolean engine = v.booleanValue(Directive.SSL_ENGINE);
        Listen listen = v.listenValue(Directive.LISTEN);
        if (listen.https() && !engine) {
            throw new ConfigException(v.where(Directive.LISTEN) + "Listen " + listen.format()
                    + ": https needs SSLEngine on (with SSLCertificateFile and SSLCertificateKeyFile)");
        }
        if (engine && v.stringValue(Directive.SSL_CERTIFICATE_FILE).isEmpty()) {
            throw new ConfigException(v.where(Directive.SSL_ENGINE) + "SSLEngine on: SSLCertificateFile is not set"
                    + " (a PEM certificate; its key in it or in SSLCertificateKeyFile)");
        }
    }

    private void prefork() {
        int serverLimit = serverLimit(PREFORK_MAX_SERVER_LIMIT);
        int mrw = v.intValue(MAX_REQUEST_WORKERS);
        if (mrw > serverLimit) {
            adjust(MAX_REQUEST_WORKERS, serverLimit, "MaxRequestWorkers of " + mrw + " exceeds ServerLimit value of "
                    + serverLimit + " servers, decreasing MaxRequestWorkers to " + serverLimit
                    + ". To increase, please see the ServerLimit directive.", "decreased from " + mrw + " to ServerLimit");
        }
        atLeastOne(MAX_REQUEST_WORKERS);
        startServers(v.intValue(MAX_REQUEST_WORKERS));
        atLeastOne(MIN_SPARE_SERVERS);
        int min = v.intValue(MIN_SPARE_SERVERS);
        int max = v.intValue(MAX_SPARE_SERVERS);
        if (max < min + 1) {
            adjust(MAX_SPARE_SERVERS, min + 1, "MaxSpareServers of " + max + " is less than MinSpareServers + 1, "
                    + "increasing to " + (min + 1) + ", as httpd does at start.", "raised from " + max + " to MinSpareServers + 1");
        }
    }

    private void threaded() {
        int serverLimit = serverLimit(THREADED_MAX_SERVER_LIMIT);
        int maxThreadLimit = mpm == Mpm.EVENT ? EVENT_MAX_THREAD_LIMIT : WORKER_MAX_THREAD_LIMIT;
        int threadLimit = v.intValue(THREAD_LIMIT);
        if (threadLimit > maxThreadLimit) {
            adjust(THREAD_LIMIT, maxThreadLimit, "ThreadLimit of " + threadLimit + " exceeds compile-time limit of "
                    + maxThreadLimit + " threads, decreasing to " + maxThreadLimit + ".", "decreased from " + threadLimit);
        }
        threadLimit = atLeastOne(THREAD_LIMIT);
        int tpc = v.intValue(THREADS_PER_CHILD);
        if (tpc > threadLimit) {
            adjust(THREADS_PER_CHILD, threadLimit, "ThreadsPerChild of " + tpc + " exceeds ThreadLimit of " + threadLimit
                    + " threads, decreasing to " + threadLimit + ". To increase, please see the ThreadLimit directive.",
                    "decreased from " + tpc + " to ThreadLimit");
        }
        tpc = atLeastOne(THREADS_PER_CHILD);
        int mrw = v.intValue(MAX_REQUEST_WORKERS);
        if (mrw < tpc) {
            adjust(MAX_REQUEST_WORKERS, tpc, "MaxRequestWorkers of " + mrw + " is less than ThreadsPerChild of " + tpc
                    + ", increasing to " + tpc + ". MaxRequestWorkers must be at least as large as the number of"
                    + " threads in a single server.", "increased from " + mrw + " to ThreadsPerChild");
            mrw = tpc;
        }
        int servers = mrw / tpc;
        if (mrw % tpc != 0) {
            adjust(MAX_REQUEST_WORKERS, servers * tpc, "MaxRequestWorkers of " + mrw + " is not an integer multiple of"
                    + " ThreadsPerChild of " + tpc + ", decreasing to nearest multiple " + servers * tpc
                    + ", for a maximum of " + servers + " servers.", "decreased from " + mrw + " to a multiple of ThreadsPerChild");
            mrw = servers * tpc;
        }
        if (servers > serverLimit) {
            int most = serverLimit * tpc;
            adjust(MAX_REQUEST_WORKERS, most, "MaxRequestWorkers of " + mrw + " would require " + servers + " servers"
                    + " and would exceed ServerLimit of " + serverLimit + ", decreasing to " + most
                    + ". To increase, please see the ServerLimit directive.",
                    "decreased from " + mrw + " to ServerLimit x ThreadsPerChild");
            servers = serverLimit;
        }
        startServers(servers);
        int minSpare = atLeastOne(MIN_SPARE_THREADS);
        int maxSpare = v.intValue(MAX_SPARE_THREADS);
        long floor = (long) minSpare + tpc;
        if (maxSpare < floor) {
            int raised = (int) Math.min(floor, Integer.MAX_VALUE);
            adjust(MAX_SPARE_THREADS, raised, "MaxSpareThreads of " + maxSpare + " is less than MinSpareThreads + "
                    + "ThreadsPerChild, increasing to " + raised + ", as httpd does at start.",
                    "raised from " + maxSpare + " to MinSpareThreads + ThreadsPerChild");
        }
    }

    /** ServerLimit into 1..{@code max}, with httpd's warnings; returns the value. */
    private int serverLimit(int max) {
        int serverLimit = v.intValue(SERVER_LIMIT);
        if (serverLimit > max) {
            adjust(SERVER_LIMIT, max, "ServerLimit of " + serverLimit + " exceeds compile-time limit of " + max
                    + " servers, decreasing to " + max + ".", "decreased from " + serverLimit);
        }
        return atLeastOne(SERVER_LIMIT);
    }

    /** StartServers into 1..{@code children}, the most children MaxRequestWorkers allows. */
    private void startServers(int children) {
        int start = atLeastOne(START_SERVERS);
        if (start > children) {
            adjust(START_SERVERS, children, "StartServers of " + start + " exceeds the " + children + " servers "
                    + "MaxRequestWorkers allows, decreasing to " + children + ", as httpd does at start.",
                    "decreased from " + start + " to the servers MaxRequestWorkers allows");
        }
    }

    /** Raises {@code d} to 1 with httpd's "not allowed, increasing to 1" warning; returns the value. */
    private int atLeastOne(Directive d) {
        int value = v.intValue(d);
        if (value < 1) {
            adjust(d, 1, d.httpdName() + " of " + value + " not allowed, increasing to 1.", "increased from " + value);
            return 1;
        }
        return value;
    }

    private void adjust(Directive d, int value, String warning, String note) {
        warnings.add(v.where(d) + warning);
        v.adjust(d, value, note);
    }
}
