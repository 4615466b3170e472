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
import java.util.List;

/**
 * Checks ranges and combinations of the directives that apply to the model, like httpd's
 * {@code *_check_config} hooks but stricter: where httpd lowers a value that could not work and
 * carries on, we refuse with one line saying what to change; where httpd silently makes a harmless
 * correction, we make the same correction and return a warning.
 *
 * <p>Refused (ConfigException): a value out of its range; ThreadsPerChild above ThreadLimit;
 * StartServers above ServerLimit; MaxRequestWorkers below ThreadsPerChild or above
 * ServerLimit × ThreadsPerChild (httpd lowers/raises these with a warning; a benchmark must run with
 * the numbers it reports).
 *
 * <p>Adjusted with a warning: MaxRequestWorkers rounded down to a multiple of ThreadsPerChild
 * (worker/event, as httpd); MaxSpareServers raised to MinSpareServers + 1 (prefork, as httpd);
 * MaxSpareThreads raised to MinSpareThreads + ThreadsPerChild (worker/event, as httpd).
 */
final class ConfigValidator {

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
        c.processLimits();
        if (c.mpm.threaded()) {
            c.threadLimits();
        }
        c.spares();
        return List.copyOf(c.warnings);
    }

    private void ranges() {
        for (Directive d : Directive.values()) {
            if (!d.appliesTo(mpm)) {
                continue;
            }
            Object value = v.effective(d);
            if (d == THREADS_PER_CHILD) {
                int limit = v.intValue(THREAD_LIMIT);
                int tpc = (Integer) value;
                if (tpc < 1 || tpc > limit) {
                    fail(d, "must be an integer from 1 to ThreadLimit (" + limit + ")");
                }
            } else if (!d.type().inRange(d, value)) {
                fail(d, d.accepted());
            }
        }
    }

    /** StartServers and MaxRequestWorkers against ServerLimit (every model with several children). */
    private void processLimits() {
        if (!SERVER_LIMIT.appliesTo(mpm)) {
            return;
        }
        int serverLimit = v.intValue(SERVER_LIMIT);
        if (v.intValue(START_SERVERS) > serverLimit) {
            fail(START_SERVERS, "must be at most ServerLimit (" + serverLimit + ")");
        }
        int tpc = v.intValue(THREADS_PER_CHILD);
        long most = (long) serverLimit * tpc;
        if (v.intValue(MAX_REQUEST_WORKERS) > most) {
            fail(MAX_REQUEST_WORKERS, mpm.threaded()
                    ? "must be at most ServerLimit x ThreadsPerChild (" + serverLimit + " x " + tpc + " = "
                    + most + "); raise ServerLimit"
                    : "must be at most ServerLimit (" + serverLimit + "); raise ServerLimit");
        }
    }

    private void threadLimits() {
        int tpc = v.intValue(THREADS_PER_CHILD);
        int mrw = v.intValue(MAX_REQUEST_WORKERS);
        if (mrw < tpc) {
            fail(MAX_REQUEST_WORKERS, "must be at least ThreadsPerChild (" + tpc + ")");
        }
        if (mrw % tpc != 0) {
            int lowered = mrw / tpc * tpc;
            adjust(MAX_REQUEST_WORKERS, lowered, "lowered from " + mrw + " to " + lowered
                    + ", a multiple of ThreadsPerChild (" + tpc + "), as httpd does");
        }
    }

    private void spares() {
        if (MAX_SPARE_SERVERS.appliesTo(mpm)) {
            int min = v.intValue(MIN_SPARE_SERVERS);
            int max = v.intValue(MAX_SPARE_SERVERS);
            if (max < min + 1) {
                adjust(MAX_SPARE_SERVERS, min + 1, "raised from " + max + " to " + (min + 1)
                        + ", MinSpareServers + 1, as httpd does");
            }
        }
        if (MAX_SPARE_THREADS.appliesTo(mpm)) {
            int min = v.intValue(MIN_SPARE_THREADS);
            int tpc = v.intValue(THREADS_PER_CHILD);
            int max = v.intValue(MAX_SPARE_THREADS);
            long floor = (long) min + tpc;
            if (max < floor) {
                if (floor > Integer.MAX_VALUE) {
                    fail(MIN_SPARE_THREADS, "must leave MinSpareThreads + ThreadsPerChild below "
                            + Integer.MAX_VALUE);
                }
                adjust(MAX_SPARE_THREADS, (int) floor, "raised from " + max + " to " + floor
                        + ", MinSpareThreads + ThreadsPerChild, as httpd does");
            }
        }
    }

    private void adjust(Directive d, Object value, String why) {
        v.adjust(d, value, why);
        warnings.add(d.httpdName() + " " + why);
    }

    /** Throws the one-line message: {@code [origin: ]Directive value: what is accepted}. */
    private void fail(Directive d, String accepted) {
        throw new ConfigException(v.where(d) + d.httpdName() + " " + d.type().format(v.effective(d)) + ": "
                + accepted);
    }
}
