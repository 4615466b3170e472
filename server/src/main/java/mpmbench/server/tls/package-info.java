/**
 * The server's TLS: a JSSE {@code SSLContext} built from httpd's mod_ssl directives ({@code
 * TlsContext}), the PEM files they name ({@code PemFiles}), and a self-signed certificate for tests and
 * the suite ({@code SelfSignedCertificate}). The bytes themselves go through {@code
 * mpmbench.server.http.io.TlsChannelIo}.
 *
 * <p>May use {@code config} (the settings, ConfigException for one-line refusals) and {@code http.io}. Each child JVM
 * builds its own context at start; nothing here is shared between processes (see {@code TlsContext}
 * on resumption).
 */
package mpmbench.server.tls;
