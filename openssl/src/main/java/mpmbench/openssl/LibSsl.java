package mpmbench.openssl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The calls of OpenSSL's {@code libssl} (and the few of {@code libcrypto} it brings) that mpmbench makes
 * through the FFM API, looked up once, and whether they can be made here ({@link #unavailable()}): the
 * load generator's client ({@code mpmbench.loadgen.engine.OpenSslWire}, on the socket's descriptor) and
 * the server's engine ({@code mpmbench.server.http.io.OpenSslChannelIo}, through memory BIOs). No library of
 * ours: the system's {@code libssl.so.3} (OpenSSL 3; Debian 12's {@code libssl3}), found by the dynamic
 * linker's search path. The setters that OpenSSL's headers define as macros are made with their
 * {@code SSL_CTX_ctrl} / {@code SSL_ctrl} codes, whose values are those of OpenSSL 3.0's
 * {@code ssl.h}, {@code tls1.h} and {@code prov_ssl.h}.
 *
 * <p>Pointers ({@code SSL *}, {@code SSL_CTX *}, {@code SSL_SESSION *}, {@code BIO *}, native buffers) are
 * passed as {@code long} addresses so that a call allocates no {@link MemorySegment}. The calls on a
 * connection's hot path ({@code SSL_read}, {@code SSL_write}, {@code SSL_get_error}, {@code SSL_has_pending},
 * {@code BIO_read}, {@code BIO_write}) are linked {@link Linker.Option#critical critical}
 * (no thread-state change: none of them waits, on a non-blocking socket or a memory BIO); {@link #SSL_READ}
 * with heap access so that the client decrypts straight into its heap read buffer. The handshake,
 * {@code SSL_new}, {@code SSL_free} and {@code SSL_shutdown} are plain downcalls. Stateless; the handles may
 * be used from any thread (OpenSSL 3 is thread-safe for distinct {@code SSL} objects sharing one
 * {@code SSL_CTX}).
 */
public final class LibSsl {

    /** The library looked up, by its soname. */
    public static final String LIBRARY = "libssl.so.3";

    public static final int SSL_ERROR_NONE = 0;
    public static final int SSL_ERROR_SSL = 1;
    public static final int SSL_ERROR_WANT_READ = 2;
    public static final int SSL_ERROR_WANT_WRITE = 3;
    public static final int SSL_ERROR_SYSCALL = 5;
    public static final int SSL_ERROR_ZERO_RETURN = 6;

    public static final int SSL_CTRL_MODE = 33;
    public static final int SSL_CTRL_SET_READ_AHEAD = 41;
    public static final int SSL_CTRL_SET_SESS_CACHE_MODE = 44;
    public static final int SSL_CTRL_SET_TLSEXT_HOSTNAME = 55;
    /** {@code SSL_CTX_set_tlsext_ticket_keys}: 80 bytes, key name (16), HMAC key (32), AES key (32). */
    public static final int SSL_CTRL_SET_TLSEXT_TICKET_KEYS = 59;
    public static final int SSL_CTRL_SET_GROUPS_LIST = 92;
    public static final int SSL_CTRL_SET_MIN_PROTO_VERSION = 123;
    public static final int SSL_CTRL_SET_MAX_PROTO_VERSION = 124;
    public static final int TLSEXT_NAMETYPE_HOST_NAME = 0;
    /** The size {@link #SSL_CTRL_SET_TLSEXT_TICKET_KEYS} takes, in bytes. */
    public static final int TICKET_KEYS_BYTES = 80;

    public static final long SSL_MODE_ENABLE_PARTIAL_WRITE = 0x1;
    public static final long SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER = 0x2;
    /** Frees a connection's record buffers while it has nothing buffered (an idle keep-alive connection). */
    public static final long SSL_MODE_RELEASE_BUFFERS = 0x10;
    public static final long SSL_OP_IGNORE_UNEXPECTED_EOF = 1L << 7;
    public static final long SSL_OP_NO_TICKET = 1L << 14;
    public static final long SSL_OP_NO_RENEGOTIATION = 1L << 30;
    public static final int SSL_SESS_CACHE_OFF = 0;
    public static final int SSL_SESS_CACHE_SERVER = 2;
    /** {@code BIO_CTRL_PENDING} (bio.h): {@link #BIO_CTRL}'s command for the bytes a BIO holds to be read. */
    public static final int BIO_CTRL_PENDING = 10;
    public static final int SSL_VERIFY_NONE = 0;
    public static final int SSL_VERIFY_PEER = 1;
    public static final int SSL_FILETYPE_PEM = 1;
    public static final int TLS1_2_VERSION = 0x0303;
    public static final int TLS1_3_VERSION = 0x0304;
    /** An ALPN select callback's answers ({@code SSL_TLSEXT_ERR_OK}, {@code SSL_TLSEXT_ERR_NOACK}). */
    public static final int SSL_TLSEXT_ERR_OK = 0;
    public static final int SSL_TLSEXT_ERR_NOACK = 3;
    /** {@code OPENSSL_INIT_NO_ATEXIT} (crypto.h). */
    static final long OPENSSL_INIT_NO_ATEXIT = 0x00080000L;

    /** {@code const SSL_METHOD *TLS_client_method(void)}. */
    public static final MethodHandle TLS_CLIENT_METHOD;
    /** {@code const SSL_METHOD *TLS_server_method(void)}. */
    public static final MethodHandle TLS_SERVER_METHOD;
    /** {@code SSL_CTX *SSL_CTX_new(const SSL_METHOD *)}. */
    public static final MethodHandle SSL_CTX_NEW;
    /** {@code void SSL_CTX_free(SSL_CTX *)}. */
    public static final MethodHandle SSL_CTX_FREE;
    /** {@code long SSL_CTX_ctrl(SSL_CTX *, int cmd, long larg, void *parg)}. */
    public static final MethodHandle SSL_CTX_CTRL;
    /** {@code uint64_t SSL_CTX_set_options(SSL_CTX *, uint64_t)}. */
    public static final MethodHandle SSL_CTX_SET_OPTIONS;
    /** {@code void SSL_CTX_set_verify(SSL_CTX *, int mode, SSL_verify_cb)} (the callback: NULL). */
    public static final MethodHandle SSL_CTX_SET_VERIFY;
    /** {@code int SSL_CTX_set_default_verify_paths(SSL_CTX *)}. */
    public static final MethodHandle SSL_CTX_SET_DEFAULT_VERIFY_PATHS;
    /** {@code int SSL_CTX_set_alpn_protos(SSL_CTX *, const unsigned char *, unsigned int)}: 0 on success. */
    public static final MethodHandle SSL_CTX_SET_ALPN_PROTOS;
    /** {@code void SSL_CTX_set_alpn_select_cb(SSL_CTX *, SSL_CTX_alpn_select_cb_func, void *arg)}. */
    public static final MethodHandle SSL_CTX_SET_ALPN_SELECT_CB;
    /** {@code int SSL_CTX_use_certificate_chain_file(SSL_CTX *, const char *file)}: 1 on success. */
    public static final MethodHandle SSL_CTX_USE_CERTIFICATE_CHAIN_FILE;
    /** {@code int SSL_CTX_use_PrivateKey_file(SSL_CTX *, const char *file, int type)}: 1 on success. */
    public static final MethodHandle SSL_CTX_USE_PRIVATEKEY_FILE;
    /** {@code int SSL_CTX_check_private_key(const SSL_CTX *)}: 1 when the key matches the certificate. */
    public static final MethodHandle SSL_CTX_CHECK_PRIVATE_KEY;
    /** {@code int SSL_CTX_set_cipher_list(SSL_CTX *, const char *)}: TLS 1.2 and below; 1 on success. */
    public static final MethodHandle SSL_CTX_SET_CIPHER_LIST;
    /** {@code int SSL_CTX_set_ciphersuites(SSL_CTX *, const char *)}: TLS 1.3; 1 on success. */
    public static final MethodHandle SSL_CTX_SET_CIPHERSUITES;
    /** {@code int SSL_CTX_set_session_id_context(SSL_CTX *, const unsigned char *, unsigned int)}. */
    public static final MethodHandle SSL_CTX_SET_SESSION_ID_CONTEXT;
    /** {@code SSL *SSL_new(SSL_CTX *)}. */
    public static final MethodHandle SSL_NEW;
    /** {@code void SSL_free(SSL *)}: frees its BIOs too. */
    public static final MethodHandle SSL_FREE;
    /** {@code int SSL_set_fd(SSL *, int)}. */
    public static final MethodHandle SSL_SET_FD;
    /** {@code void SSL_set_bio(SSL *, BIO *rbio, BIO *wbio)}: the SSL owns both afterwards. */
    public static final MethodHandle SSL_SET_BIO;
    /** {@code void SSL_set_accept_state(SSL *)}: a server connection. */
    public static final MethodHandle SSL_SET_ACCEPT_STATE;
    /** {@code long SSL_ctrl(SSL *, int cmd, long larg, void *parg)}. */
    public static final MethodHandle SSL_CTRL;
    /** {@code int SSL_set1_host(SSL *, const char *)}. */
    public static final MethodHandle SSL_SET1_HOST;
    /** {@code X509_VERIFY_PARAM *SSL_get0_param(SSL *)}. */
    public static final MethodHandle SSL_GET0_PARAM;
    /** {@code int X509_VERIFY_PARAM_set1_ip_asc(X509_VERIFY_PARAM *, const char *)} (libcrypto). */
    public static final MethodHandle X509_VERIFY_PARAM_SET1_IP_ASC;
    /** {@code int SSL_connect(SSL *)}. */
    public static final MethodHandle SSL_CONNECT;
    /** {@code int SSL_do_handshake(SSL *)}. */
    public static final MethodHandle SSL_DO_HANDSHAKE;
    /** {@code int SSL_read(SSL *, void *buf, int num)}, buf a segment (heap or native); critical. */
    public static final MethodHandle SSL_READ;
    /** {@code int SSL_read(SSL *, void *buf, int num)}, buf a native address; critical. */
    public static final MethodHandle SSL_READ_NATIVE;
    /** {@code int SSL_write(SSL *, const void *buf, int num)}, buf a native address; critical. */
    public static final MethodHandle SSL_WRITE;
    /** {@code int SSL_get_error(const SSL *, int ret)}; critical. */
    public static final MethodHandle SSL_GET_ERROR;
    /** {@code int SSL_has_pending(const SSL *)}: records or bytes read but not yet returned; critical. */
    public static final MethodHandle SSL_HAS_PENDING;
    /** {@code int SSL_shutdown(SSL *)}. */
    public static final MethodHandle SSL_SHUTDOWN;
    /** {@code int SSL_session_reused(const SSL *)}; critical. */
    public static final MethodHandle SSL_SESSION_REUSED;
    /** {@code SSL_SESSION *SSL_get1_session(SSL *)}: a reference the caller frees. */
    public static final MethodHandle SSL_GET1_SESSION;
    /** {@code int SSL_set_session(SSL *, SSL_SESSION *)}: takes its own reference. */
    public static final MethodHandle SSL_SET_SESSION;
    /** {@code int SSL_SESSION_is_resumable(const SSL_SESSION *)}. */
    public static final MethodHandle SSL_SESSION_IS_RESUMABLE;
    /** {@code void SSL_SESSION_free(SSL_SESSION *)}. */
    public static final MethodHandle SSL_SESSION_FREE;
    /** {@code const char *SSL_get_version(const SSL *)}: {@code TLSv1.3}, for tests. */
    public static final MethodHandle SSL_GET_VERSION;
    /** {@code const BIO_METHOD *BIO_s_mem(void)} (libcrypto). */
    public static final MethodHandle BIO_S_MEM;
    /** {@code BIO *BIO_new(const BIO_METHOD *)} (libcrypto). */
    public static final MethodHandle BIO_NEW;
    /** {@code int BIO_read(BIO *, void *buf, int len)}, buf a native address; critical (libcrypto). */
    public static final MethodHandle BIO_READ;
    /** {@code int BIO_write(BIO *, const void *buf, int len)}, buf a native address; critical (libcrypto). */
    public static final MethodHandle BIO_WRITE;
    /**
     * {@code long BIO_ctrl(BIO *, int cmd, long larg, void *parg)}; critical (libcrypto). With
     * {@link #BIO_CTRL_PENDING}: the bytes a memory BIO holds ({@code BIO_ctrl_pending}, a macro).
     */
    public static final MethodHandle BIO_CTRL;
    /** {@code void ERR_clear_error(void)} (libcrypto). */
    public static final MethodHandle ERR_CLEAR_ERROR;
    /** {@code unsigned long ERR_get_error(void)} (libcrypto). */
    public static final MethodHandle ERR_GET_ERROR;
    /** {@code void ERR_error_string_n(unsigned long e, char *buf, size_t len)} (libcrypto). */
    public static final MethodHandle ERR_ERROR_STRING_N;
    /** {@code const char *OpenSSL_version(int)} (libcrypto); 0: the version text. */
    public static final MethodHandle OPENSSL_VERSION;

    /** Why libssl cannot be used here, or {@code null} when it can. */
    private static final String UNAVAILABLE;

    static {
        MethodHandle[] h = new MethodHandle[51];
        String why = null;
        try {
            if (!System.getProperty("os.name", "").startsWith("Linux")) {
                why = "not Linux";
            } else {
                SymbolLookup ssl = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
                Linker linker = Linker.nativeLinker();
                // first of all: no exit handler of OpenSSL's own, which would free its state under a
                // thread still in a call while the JVM exits
                MethodHandle init = down(linker, ssl, "OPENSSL_init_ssl", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
                if ((int) init.invokeExact(OPENSSL_INIT_NO_ATEXIT, 0L) != 1) {
                    throw new IllegalStateException("OPENSSL_init_ssl failed");
                }
                int i = 0;
                Linker.Option critical = Linker.Option.critical(false);
                h[i++] = down(linker, ssl, "TLS_client_method", FunctionDescriptor.of(JAVA_LONG));
                h[i++] = down(linker, ssl, "TLS_server_method", FunctionDescriptor.of(JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_new", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_free", FunctionDescriptor.ofVoid(JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_ctrl", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_set_options", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_set_verify", FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_INT, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_set_default_verify_paths", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_set_alpn_protos", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
                h[i++] = down(linker, ssl, "SSL_CTX_set_alpn_select_cb", FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_use_certificate_chain_file", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_use_PrivateKey_file", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
                h[i++] = down(linker, ssl, "SSL_CTX_check_private_key", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_set_cipher_list", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_set_ciphersuites", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_CTX_set_session_id_context", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
                h[i++] = down(linker, ssl, "SSL_new", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_free", FunctionDescriptor.ofVoid(JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_set_fd", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT));
                h[i++] = down(linker, ssl, "SSL_set_bio", FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_set_accept_state", FunctionDescriptor.ofVoid(JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_ctrl", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_set1_host", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_get0_param", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "X509_VERIFY_PARAM_set1_ip_asc", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_connect", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_do_handshake", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_read", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT),
                        Linker.Option.critical(true));
                h[i++] = down(linker, ssl, "SSL_read", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT), critical);
                h[i++] = down(linker, ssl, "SSL_write", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT), critical);
                h[i++] = down(linker, ssl, "SSL_get_error", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT), critical);
                h[i++] = down(linker, ssl, "SSL_has_pending", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), critical);
                h[i++] = down(linker, ssl, "SSL_shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_session_reused", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), critical);
                h[i++] = down(linker, ssl, "SSL_get1_session", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_set_session", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_SESSION_is_resumable", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_SESSION_free", FunctionDescriptor.ofVoid(JAVA_LONG));
                h[i++] = down(linker, ssl, "SSL_get_version", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "BIO_s_mem", FunctionDescriptor.of(JAVA_LONG));
                h[i++] = down(linker, ssl, "BIO_new", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "BIO_read", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT), critical);
                h[i++] = down(linker, ssl, "BIO_write", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT), critical);
                h[i++] = down(linker, ssl, "BIO_ctrl", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG),
                        critical);
                h[i++] = down(linker, ssl, "ERR_clear_error", FunctionDescriptor.ofVoid());
                h[i++] = down(linker, ssl, "ERR_get_error", FunctionDescriptor.of(JAVA_LONG));
                h[i++] = down(linker, ssl, "ERR_error_string_n", FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG, JAVA_LONG));
                h[i++] = down(linker, ssl, "OpenSSL_version", FunctionDescriptor.of(JAVA_LONG, JAVA_INT));
            }
        } catch (Throwable e) {
            why = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        int i = 0;
        TLS_CLIENT_METHOD = h[i++];
        TLS_SERVER_METHOD = h[i++];
        SSL_CTX_NEW = h[i++];
        SSL_CTX_FREE = h[i++];
        SSL_CTX_CTRL = h[i++];
        SSL_CTX_SET_OPTIONS = h[i++];
        SSL_CTX_SET_VERIFY = h[i++];
        SSL_CTX_SET_DEFAULT_VERIFY_PATHS = h[i++];
        SSL_CTX_SET_ALPN_PROTOS = h[i++];
        SSL_CTX_SET_ALPN_SELECT_CB = h[i++];
        SSL_CTX_USE_CERTIFICATE_CHAIN_FILE = h[i++];
        SSL_CTX_USE_PRIVATEKEY_FILE = h[i++];
        SSL_CTX_CHECK_PRIVATE_KEY = h[i++];
        SSL_CTX_SET_CIPHER_LIST = h[i++];
        SSL_CTX_SET_CIPHERSUITES = h[i++];
        SSL_CTX_SET_SESSION_ID_CONTEXT = h[i++];
        SSL_NEW = h[i++];
        SSL_FREE = h[i++];
        SSL_SET_FD = h[i++];
        SSL_SET_BIO = h[i++];
        SSL_SET_ACCEPT_STATE = h[i++];
        SSL_CTRL = h[i++];
        SSL_SET1_HOST = h[i++];
        SSL_GET0_PARAM = h[i++];
        X509_VERIFY_PARAM_SET1_IP_ASC = h[i++];
        SSL_CONNECT = h[i++];
        SSL_DO_HANDSHAKE = h[i++];
        SSL_READ = h[i++];
        SSL_READ_NATIVE = h[i++];
        SSL_WRITE = h[i++];
        SSL_GET_ERROR = h[i++];
        SSL_HAS_PENDING = h[i++];
        SSL_SHUTDOWN = h[i++];
        SSL_SESSION_REUSED = h[i++];
        SSL_GET1_SESSION = h[i++];
        SSL_SET_SESSION = h[i++];
        SSL_SESSION_IS_RESUMABLE = h[i++];
        SSL_SESSION_FREE = h[i++];
        SSL_GET_VERSION = h[i++];
        BIO_S_MEM = h[i++];
        BIO_NEW = h[i++];
        BIO_READ = h[i++];
        BIO_WRITE = h[i++];
        BIO_CTRL = h[i++];
        ERR_CLEAR_ERROR = h[i++];
        ERR_GET_ERROR = h[i++];
        ERR_ERROR_STRING_N = h[i++];
        OPENSSL_VERSION = h[i++];
        UNAVAILABLE = why;
    }

    private LibSsl() {
    }

    private static MethodHandle down(Linker linker, SymbolLookup lookup, String name, FunctionDescriptor d,
                                     Linker.Option... options) {
        Optional<MemorySegment> at = lookup.find(name);
        if (at.isEmpty()) {
            throw new IllegalStateException("no " + name + " in " + LIBRARY);
        }
        return linker.downcallHandle(at.get(), d, options);
    }

    /**
     * Why OpenSSL cannot be used here ({@code null}: it can): not Linux, no {@code libssl.so.3}, a missing
     * symbol, or no native access ({@code --enable-native-access}).
     */
    public static String unavailable() {
        return UNAVAILABLE;
    }

    /** OpenSSL's own version text, e.g. {@code OpenSSL 3.0.19 1 Jul 2025}; call only when available. */
    public static String version() {
        try {
            return cString((long) OPENSSL_VERSION.invokeExact(0));
        } catch (Throwable e) {
            return "unknown";
        }
    }

    /** The text of a NUL-terminated C string at {@code address} (0: empty). Allocates: not for the hot path. */
    public static String cString(long address) {
        return address == 0 ? "" : MemorySegment.ofAddress(address).reinterpret(4096).getString(0);
    }

    /**
     * The oldest error of this thread's OpenSSL error queue as text, and the queue emptied (OpenSSL's
     * {@code SSL_get_error} needs it empty before the next call). For error paths only: it allocates.
     */
    public static String takeErrors() {
        try {
            long e = (long) ERR_GET_ERROR.invokeExact();
            String text = "";
            if (e != 0) {
                try (Arena a = Arena.ofConfined()) {
                    MemorySegment buf = a.allocate(256);
                    ERR_ERROR_STRING_N.invokeExact(e, buf.address(), 256L);
                    text = buf.getString(0);
                }
            }
            ERR_CLEAR_ERROR.invokeExact();
            return text;
        } catch (Throwable t) {
            return "(the error queue cannot be read: " + t + ")";
        }
    }

    /** Empties this thread's OpenSSL error queue. */
    public static void clearErrors() {
        try {
            ERR_CLEAR_ERROR.invokeExact();
        } catch (Throwable ignored) {
            // nothing to clear then
        }
    }
}
