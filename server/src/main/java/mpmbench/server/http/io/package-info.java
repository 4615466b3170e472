/**
 * What the connection loop needs from a socket, and nothing more: {@link
 * mpmbench.server.http.io.ChannelIo} (read and write with a timeout), implemented for platform
 * threads over a non-blocking channel and a private selector ({@code SelectorChannelIo}) and for
 * virtual threads over a blocking channel ({@code BlockingChannelIo}); {@code HalfClosable}, an
 * implementation that can send FIN alone; and httpd's lingering close ({@link
 * mpmbench.server.http.io.LingeringClose}), which drains what a client still sends after the
 * server's last answer so that a reset does not destroy it; and TLS over either ({@code
 * TlsChannelIo}: JSSE's {@code SSLEngine} in {@code JsseChannelIo}, OpenSSL through memory BIOs in
 * {@code OpenSslChannelIo}, with a connection's own state in a {@code TlsSession}).
 *
 * <p>Uses nothing of the server (the TLS context is built in {@code mpmbench.server.tls}); OpenSSL's
 * calls come from {@code mpmbench.openssl}. An implementation is used by one thread at a time and never closes
 * a connection: the model that accepted it owns it. Nothing allocates per call in the steady state.
 */
package mpmbench.server.http.io;
