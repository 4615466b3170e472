/**
 * The server's commands, as the launcher runs them: {@code mpmbench serve} ({@link
 * mpmbench.server.cli.ServeCommand}, the master's main: flags and a config file become one
 * {@code ServerConfig}, then the {@code Master} runs), {@code mpmbench ctl} ({@link
 * mpmbench.server.cli.CtlCommand}, apachectl's {@code -k start|stop|restart|graceful|graceful-stop|status}
 * sent to a running master through its pid file, signals and the scoreboard's control word), the
 * ahead-of-time cache made ahead of a start ({@code serve --make-aot-cache}).
 *
 * <p>May use {@code master}, {@code config}, {@code scoreboard}, {@code tls} (the certificate files checked once,
 * before a child starts) and picocli, with the shared answer
 * to a bad flag and the {@code -V} line from {@code mpmbench.cli}; never a model or the HTTP code, which live in the children.
 * Runs on the main thread of the master's JVM, or of {@code ctl}'s own short-lived JVM.
 */
package mpmbench.server.cli;
