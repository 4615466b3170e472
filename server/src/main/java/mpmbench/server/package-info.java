/**
 * The server: one HTTP/1.1 implementation under four concurrency models, run as a master process and
 * child JVMs that share one listening socket and one scoreboard, configured with httpd's directives.
 * This package holds no class; it is the map of the rooms below, each with a {@code package-info}
 * of its own. An arrow reads "may use" (a room with the packages under it); nothing points back up,
 * and {@code PackageCyclesTest} keeps it so.
 * <pre>
 * child       ─▶ mpm and its models, config, handler, http, scoreboard   a child JVM's main
 * mpm.*       ─▶ mpm, config, http, scoreboard                           one model each
 * mpm         ─▶ config, handler, http, scoreboard                       what every model shares
 * cli         ─▶ master, config, scoreboard                              serve and ctl
 * master      ─▶ config, scoreboard                                      the parent process
 * handler     ─▶ http                                                    the endpoints
 * scoreboard  ─▶ http                                                    shared by master and children
 * config      ─▶ http                                                    httpd's directives, per model
 * http        ─▶ http.request, http.response, http.io, http.ascii        HTTP/1.1, the loop on top
 * </pre>
 * The master starts a child by its class name, so {@code master} imports neither {@code child} nor a
 * model. A first change usually stays inside one room: an endpoint in {@code handler}, a parsing rule
 * in {@code http.request}, a directive in {@code config}, a model's behaviour in its {@code mpm.*}.
 */
package mpmbench.server;
