package mpmbench.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Makes a self-signed certificate for 127.0.0.1 and localhost with the JDK's keytool (no openssl
 * needed): {@code cert.pem} and {@code key.pem} (PKCS#8, unencrypted, mode 600) in a directory, as
 * SSLCertificateFile and SSLCertificateKeyFile, and as httpd's and nginx's certificate. For tests and
 * benchmarks only: never commit the key. {@code scripts/make-test-cert} does the same with openssl.
 *
 * <pre>{@code
 * SelfSignedCertificate.Files f = SelfSignedCertificate.write(dir, SelfSignedCertificate.KeyType.EC);
 * // SSLCertificateFile f.certificate(), SSLCertificateKeyFile f.key()
 * }</pre>
 *
 * Also a command: {@code java -cp server.jar mpmbench.server.tls.SelfSignedCertificate DIR [ec|rsa]}.
 */
public final class SelfSignedCertificate {

    /** The key's algorithm: EC P-256 (the default) or RSA 2048. */
    public enum KeyType {
        EC("EC", "256", "SHA256withECDSA"),
        RSA("RSA", "2048", "SHA256withRSA");

        final String algorithm;
        final String size;
        final String signature;

        KeyType(String algorithm, String size, String signature) {
            this.algorithm = algorithm;
            this.size = size;
            this.signature = signature;
        }
    }

    /** The two PEM files written. */
    public record PemPair(Path certificate, Path key) {
    }

    private static final int VALID_DAYS = 30;

    private SelfSignedCertificate() {
    }

    /** Writes {@code cert.pem} and {@code key.pem} into {@code dir} (created if missing); replaces them. */
    public static PemPair write(Path dir, KeyType type) {
        try {
            Files.createDirectories(dir);
            Path store = Files.createTempFile(dir, "keystore-", ".p12");
            Files.delete(store); // keytool creates it
            try {
                char[] password = "changeit".toCharArray();
                keytool("-genkeypair", "-alias", "server", "-keyalg", type.algorithm, "-keysize", type.size,
                        "-sigalg", type.signature, "-dname", "CN=localhost", "-validity", Integer.toString(VALID_DAYS),
                        "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1", "-storetype", "PKCS12",
                        "-keystore", store.toString(), "-storepass", new String(password));
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    ks.load(in, password);
                }
                Key key = ks.getKey("server", password);
                Certificate cert = ks.getCertificate("server");
                PemPair out = new PemPair(dir.resolve("cert.pem"), dir.resolve("key.pem"));
                Files.writeString(out.certificate(), pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
                Files.deleteIfExists(out.key());
                Files.createFile(out.key(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(out.key(), pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
                return out;
            } finally {
                Files.deleteIfExists(store);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keytool's keystore cannot be read: " + e, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Runs the JDK's own keytool ({@code java.home/bin/keytool}: JDK 25 offers no ToolProvider for it). */
    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int status = p.waitFor();
            if (status != 0) {
                throw new IllegalStateException("keytool failed (" + status + "): " + messages.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    /** {@code DIR [ec|rsa]}: writes DIR/cert.pem and DIR/key.pem, prints their paths. */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].matches("(?i)ec|rsa"))) {
            System.err.println("usage: SelfSignedCertificate DIR [ec|rsa]   (writes DIR/cert.pem and DIR/key.pem)");
            System.exit(2);
        }
        KeyType type = args.length == 2 ? KeyType.valueOf(args[1].toUpperCase(java.util.Locale.ROOT)) : KeyType.EC;
        PemPair p = write(Path.of(args[0]), type);
        System.out.println(p.certificate());
        System.out.println(p.key());
    }
}
