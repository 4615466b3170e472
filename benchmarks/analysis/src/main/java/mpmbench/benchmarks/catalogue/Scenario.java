package mpmbench.benchmarks.catalogue;

import java.util.List;

/**
 * A named scenario: what load it puts on a target and what the target must serve.
 *
 * @param name        the name used by {@code --scenarios} and in every file
 * @param description one line for {@code --list} and the report
 * @param kind        how its levels run
 * @param javaPath    the request path against our server
 * @param peerPath    the path against httpd and nginx (static files), or {@code null} when they cannot
 *                    serve this scenario (it needs a dynamic endpoint)
 * @param keepAlive   false: a new connection per request
 * @param levels      the load levels, in order
 * @param transport   plain HTTP, or HTTPS with its resumption ({@link Transport})
 */
public record Scenario(String name, String description, ScenarioKind kind, String javaPath, String peerPath,
                       boolean keepAlive, List<Level> levels, Transport transport) {

    public Scenario {
        levels = List.copyOf(levels);
        java.util.Objects.requireNonNull(transport, "transport");
    }

    /** A scenario over plain HTTP. */
    public Scenario(String name, String description, ScenarioKind kind, String javaPath, String peerPath,
                    boolean keepAlive, List<Level> levels) {
        this(name, description, kind, javaPath, peerPath, keepAlive, levels, Transport.HTTP);
    }

    /** The endpoint named in skip reasons, e.g. {@code /sleep}. */
    public String endpoint() {
        int q = javaPath.indexOf('?');
        return q < 0 ? javaPath : javaPath.substring(0, q);
    }
}
