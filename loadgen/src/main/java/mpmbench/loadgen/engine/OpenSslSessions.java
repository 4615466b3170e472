package mpmbench.loadgen.engine;

import mpmbench.openssl.LibSsl;

/**
 * The session a loop's next OpenSSL connection offers ({@code --tls-resume ticket} or {@code session-id}):
 * the last resumable one any of its connections ended with, as JSSE's client cache offers the last session
 * with the host and port. One reference ({@code SSL_SESSION *}) held, replaced when a connection closes
 * with a newer one ({@link #keep}), freed at the loop's end ({@link #close}). With {@code none} nothing is
 * kept or offered. A session is taken when its connection closes, not when its handshake ends: a TLS 1.3
 * server's tickets come after the handshake, and OpenSSL puts the newest into the connection's session as
 * it reads them. Owned by one loop thread.
 */
final class OpenSslSessions implements AutoCloseable {

    private final boolean resume;
    private long last;

    /** @param resume whether sessions are offered at all ({@code --tls-resume} other than {@code none}) */
    OpenSslSessions(boolean resume) {
        this.resume = resume;
    }

    /** Whether connections offer and keep sessions. */
    boolean resumes() {
        return resume;
    }

    /** The session to offer ({@code SSL_SESSION *}), or 0: none yet, or {@code none}. */
    long offer() {
        return last;
    }

    /**
     * A connection whose handshake finished is closing ({@code ssl}: its {@code SSL *}, shut down already,
     * not yet freed): keeps its session when it can be resumed, in place of the one held.
     */
    void keep(long ssl) {
        if (!resume) {
            return;
        }
        try {
            long s = (long) LibSsl.SSL_GET1_SESSION.invokeExact(ssl);
            if (s == 0) {
                return;
            }
            if ((int) LibSsl.SSL_SESSION_IS_RESUMABLE.invokeExact(s) != 1 || s == last) {
                LibSsl.SSL_SESSION_FREE.invokeExact(s); // our reference only
                return;
            }
            long old = last;
            last = s;
            if (old != 0) {
                LibSsl.SSL_SESSION_FREE.invokeExact(old);
            }
        } catch (Throwable e) {
            throw new IllegalStateException("OpenSSL session calls failed", e);
        }
    }

    /** Frees the session held. */
    @Override
    public void close() {
        long old = last;
        last = 0;
        if (old != 0) {
            try {
                LibSsl.SSL_SESSION_FREE.invokeExact(old);
            } catch (Throwable ignored) {
                // the run is over
            }
        }
    }
}
