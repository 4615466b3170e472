package mpmbench.benchmarks.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets the suite knows by name, and the facts of each model, written once: our server as
 * {@code java-MODEL} (prefork, worker, event, virtual), Debian's apache2 as {@code httpd-MODEL}
 * (prefork, worker, event: httpd has no virtual-thread MPM), and {@code nginx}. The suite parses and
 * starts them, the claims compare a family's models, the charts give each model its colour: all by
 * these names. A {@code url=} target has no model.
 */
public final class Targets {

    public static final String PREFORK = "prefork";
    public static final String WORKER = "worker";
    public static final String EVENT = "event";
    public static final String VIRTUAL = "virtual";

    /** Our models, in the order of every table and legend. */
    public static final List<String> MODELS = List.of(PREFORK, WORKER, EVENT, VIRTUAL);
    /** The models httpd has too: the three every family has, in the order the claims name them. */
    public static final List<String> HTTPD_MODELS = List.of(PREFORK, WORKER, EVENT);

    /** The families: our server, Debian's apache2, Debian's nginx. */
    public static final String JAVA = "java";
    public static final String HTTPD = "httpd";
    public static final String NGINX = "nginx";

    /**
     * The prefix of a base build's model in a run of {@code suite --baseline}: {@code base:java-event} is
     * the base build's java-event, measured in the same rounds; {@code compare DIR} pairs the two.
     */
    public static final String BASE_PREFIX = "base:";

    /** Every model and peer: what {@code full} runs when {@code --targets} is not given, and {@code --targets all}. */
    public static final List<String> ALL = all();

    /**
     * What {@code quick} runs when {@code --targets} is not given: the targets the claims read (prefork,
     * worker and event, ours and httpd's). With fresh instances for every repeat, all eight do not fit
     * its 10 minutes on 2 cores; java-virtual and nginx run in {@code full} or with {@code --targets all}.
     */
    public static final List<String> QUICK = quick();

    private Targets() {
    }

    /** A family's target of one model, e.g. {@code java-event}. */
    public static String name(String family, String model) {
        return family + "-" + model;
    }

    /** The child processes a model runs at {@code startServers} (virtual: one process). */
    public static int processesAtStart(String model, int startServers) {
        return model.equals(VIRTUAL) ? 1 : startServers;
    }

    /**
     * The workers a model has ready at start: {@code threadsPerChild} in each process for worker and
     * event, one per process for prefork, and one listener for virtual (a thread per connection).
     */
    public static int workersAtStart(String model, int startServers, int threadsPerChild) {
        return switch (model) {
            case WORKER, EVENT -> startServers * threadsPerChild;
            case PREFORK -> startServers;
            default -> 1;
        };
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>();
        MODELS.forEach(m -> all.add(name(JAVA, m)));
        HTTPD_MODELS.forEach(m -> all.add(name(HTTPD, m)));
        all.add(NGINX);
        return List.copyOf(all);
    }

    private static List<String> quick() {
        List<String> quick = new ArrayList<>();
        HTTPD_MODELS.forEach(m -> quick.add(name(JAVA, m)));
        HTTPD_MODELS.forEach(m -> quick.add(name(HTTPD, m)));
        return List.copyOf(quick);
    }
}
