/**
 * The parent process, written once for every model (httpd's {@code ap_mpm_run},
 * {@code make_child} and {@code perform_idle_server_maintenance}, which httpd writes once per MPM):
 * {@link mpmbench.server.master.Master} owns the listening socket ({@code ListenSocket}: made with the
 * Foreign Function &amp; Memory API and passed to each child as its stdin) and the scoreboard; it
 * starts children ({@code Spawner}, {@code ChildCommand}, from the ahead-of-time cache of
 * {@code ChildArchive}), reaps and replaces them ({@code ChildTable}), keeps spare capacity once a
 * second ({@code Census}, {@code SpareMaintenance}), recycles them at MaxConnectionsPerChild, successor
 * first ({@code Recycling}), and acts on the operator's requests ({@code ControlChannel},
 * {@code ControlRequest}: stop, restart, {@code GracefulRestart}, graceful stop, {@code Shutdown}),
 * with httpd's pid file and its stale-file cleanup.
 *
 * <p>May use {@code config}, {@code scoreboard} and {@code tls}. It starts a child by the class name
 * {@code mpmbench.server.child.ChildMain} on a command line and talks to it only through the
 * scoreboard (and hands it, in its environment, the TLS ticket keys all children share: {@code
 * tls.TicketKeys}), so it imports neither {@code child}, {@code mpm} nor {@code http}.
 *
 * <p>Threading: the master's loop thread alone changes the set of children; a child's exit and a
 * control request (a signal, or the control word {@code mpmbench ctl} writes) only wake it.
 */
package mpmbench.server.master;
