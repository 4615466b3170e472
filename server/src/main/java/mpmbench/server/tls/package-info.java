/**
 * The server's TLS, built from httpd's mod_ssl directives ({@code TlsContext}): through OpenSSL
 * ({@code OpenSslTlsContext}, libssl.so.3 by the FFM API of {@code mpmbench.openssl}, as httpd and
 * nginx) or JSSE ({@code JsseTlsContext}); the ticket keys a master hands its children so that any
 * child resumes any client ({@code TicketKeys}); the PEM files the directives name ({@code PemFiles});
 * and a self-signed certificate for tests and the suite ({@code SelfSignedCertificate}). The bytes
 * themselves go through {@code mpmbench.server.http.io.TlsChannelIo}.
 *
 * <p>May use {@code config} (the settings, ConfigException for one-line refusals) and {@code http.io}. Each child JVM
 * builds its own context at start; what processes share is the ticket keys alone (see {@code TlsContext}
 * on resumption).
 */
package mpmbench.server.tls;
