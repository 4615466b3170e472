package mpmbench.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpmbench.server.config.ConfigException;

/**
 * Reads what httpd's SSLCertificateFile and SSLCertificateKeyFile hold: PEM text with a certificate
 * chain (leaf first) and an unencrypted private key, {@code BEGIN PRIVATE KEY} (PKCS#8: RSA, EC,
 * Ed25519) or {@code BEGIN RSA PRIVATE KEY} (PKCS#1). Anything else (an encrypted key, which httpd
 * would ask a pass phrase for; a SEC1 {@code EC PRIVATE KEY}) is refused with one line saying how to
 * convert it. Static; every failure is a {@link ConfigException} naming the directive and the file.
 */
public final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private PemFiles() {
    }

    /** The certificates of {@code file}, in file order. */
    public static List<X509Certificate> certificates(String directive, Path file) {
        String text = read(directive, file);
        List<X509Certificate> chain = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                if (m.group(1).equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(Base64.getMimeDecoder().decode(m.group(2)))));
                }
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new ConfigException(directive + " " + file + ": not a readable PEM certificate (" + e.getMessage() + ")");
        }
        if (chain.isEmpty()) {
            throw new ConfigException(directive + " " + file + ": no certificate in it (expected PEM: -----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(chain);
    }

    /** The private key of {@code file}; null when it holds none (a certificate file without its key). */
    public static PrivateKey privateKeyOrNull(String directive, Path file) {
        Matcher m = BLOCK.matcher(read(directive, file));
        while (m.find()) {
            String type = m.group(1);
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (type) {
                case "PRIVATE KEY" -> {
                    return pkcs8(directive, file, der);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(directive, file, Pkcs1.toPkcs8(der));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new ConfigException(directive + " " + file + ": the key is"
                        + " encrypted (httpd would ask for its pass phrase); decrypt it: openssl pkey -in KEY -out PLAIN");
                case "EC PRIVATE KEY" -> throw new ConfigException(directive + " " + file + ": a SEC1 EC key;"
                        + " convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY8");
                default -> {
                    // a certificate or parameters: not the key
                }
            }
            if (type.contains("PRIVATE KEY")) {
                throw new ConfigException(directive + " " + file + ": unsupported key type " + type);
            }
        }
        return null;
    }

    private static PrivateKey pkcs8(String directive, Path file, byte[] der) {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new ConfigException(directive + " " + file + ": not a readable RSA, EC or Ed25519 private key");
    }

    private static String read(String directive, Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigException(directive + " " + file + ": cannot read it ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "No such file or directory" : e.toString()) + ")");
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo (DER), as {@code openssl pkcs8 -topk8} does. */
    private static final class Pkcs1 {
        /** AlgorithmIdentifier rsaEncryption with NULL parameters. */
        private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

        static byte[] toPkcs8(byte[] pkcs1) {
            byte[] octets = tlv(0x04, pkcs1);
            byte[] version = {0x02, 0x01, 0x00};
            byte[] body = new byte[version.length + RSA_ALGORITHM.length + octets.length];
            System.arraycopy(version, 0, body, 0, version.length);
            System.arraycopy(RSA_ALGORITHM, 0, body, version.length, RSA_ALGORITHM.length);
            System.arraycopy(octets, 0, body, version.length + RSA_ALGORITHM.length, octets.length);
            return tlv(0x30, body);
        }

        private static byte[] tlv(int tag, byte[] value) {
            int n = value.length;
            byte[] length = n < 0x80 ? new byte[] {(byte) n}
                    : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                    : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                    : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
            byte[] out = new byte[1 + length.length + n];
            out[0] = (byte) tag;
            System.arraycopy(length, 0, out, 1, length.length);
            System.arraycopy(value, 0, out, 1 + length.length, n);
            return out;
        }
    }
}
