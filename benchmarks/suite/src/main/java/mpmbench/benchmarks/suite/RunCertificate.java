package mpmbench.benchmarks.suite;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The self-signed certificate every target of a run serves its {@code tls-*} scenarios with (java-X's
 * SSLCertificateFile/SSLCertificateKeyFile, httpd's PEER_CERT/PEER_KEY, nginx's ssl_certificate), made
 * once, when the first target starts over TLS, in {@code runBase/tls/}: {@code cert.pem} and
 * {@code key.pem} (EC P-256, PKCS#8, mode 600), removed with {@link #delete} at the run's end. Never a
 * key from the repository. Made by the server jar's {@code mpmbench.server.tls.SelfSignedCertificate}
 * (the JDK's keytool) as a process (the suite never runs the server's classes in its own JVM); without
 * the server jar (a run of peers only), by Debian's openssl, as {@code scripts/make-test-cert} does.
 *
 * <p>Used from the suite's one thread.
 */
final class RunCertificate {

    /** The two PEM files. */
    record Pem(Path certificate, Path key) {
    }

    private static final long TIMEOUT_S = 60;
    static final String SELF_SIGNED_MAIN = "mpmbench.server.tls.SelfSignedCertificate";

    private final Path dir;
    private final Path serverJar;
    private final String java;
    private Pem made;

    RunCertificate(Path runBase, Path serverJar, String java) {
        this.dir = runBase.resolve("tls");
        this.serverJar = serverJar;
        this.java = java;
    }

    /** The pair, made on the first call; throws with the maker's output when it cannot be made. */
    Pem get() throws IOException, InterruptedException {
        if (made == null) {
            Files.createDirectories(dir);
            made = make(command());
        }
        return made;
    }

    /** The command that writes the pair into the directory: the server jar's maker, else openssl. */
    List<String> command() {
        if (Files.isRegularFile(serverJar)) {
            return List.of(java, "-cp", serverJar.toString(), SELF_SIGNED_MAIN, dir.toString(), "ec");
        }
        return List.of("openssl", "req", "-x509", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(), "-days", "30",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1");
    }

    private Pem make(List<String> cmd) throws IOException, InterruptedException {
        Path log = dir.resolve("make.out");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new IOException("no TLS certificate for the run: " + String.join(" ", cmd.subList(0, 1))
                    + " cannot start (" + e.getMessage() + ")", e);
        }
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("no TLS certificate for the run: its maker did not finish within " + TIMEOUT_S + " s");
        }
        Pem pem = new Pem(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        if (p.exitValue() != 0 || !Files.isRegularFile(pem.certificate()) || !Files.isRegularFile(pem.key())) {
            throw new IOException("no TLS certificate for the run: " + String.join(" ", cmd) + " exited with "
                    + p.exitValue() + ": " + Files.readString(log).strip().replace('\n', ' '));
        }
        Files.setPosixFilePermissions(pem.key(), PosixFilePermissions.fromString("rw-------"));
        Files.deleteIfExists(log);
        return pem;
    }

    /** Removes the directory and the key in it (nothing when none was made). */
    void delete() {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left under the run base in /tmp: named by the run base's own warning
        }
        made = null;
    }
}
