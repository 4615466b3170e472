package mpmbench.loadgen.engine;

import mpmbench.loadgen.TlsEngine;
import mpmbench.loadgen.TlsOptions;
import mpmbench.loadgen.http.Target;

/**
 * Picks a run's TLS engine. {@link TlsEngine#AUTO} is {@link TlsEngine#OPENSSL} where {@link OpenSsl} can
 * make its calls, else {@link TlsEngine#JSSE} ({@link #fallback} says why, for the one line the command
 * prints); an explicit {@code --tls-engine openssl} where it cannot is refused before the run. Stateless.
 */
public final class TlsEngines {

    private TlsEngines() {
    }

    /**
     * The engine a run asking for {@code asked} uses: never {@link TlsEngine#AUTO}.
     *
     * @throws IllegalArgumentException one line naming {@code --tls-engine} when {@code asked} cannot be used here
     */
    public static TlsEngine resolve(TlsEngine asked) {
        String why = OpenSsl.unavailable();
        return switch (asked) {
            case JSSE -> TlsEngine.JSSE;
            case AUTO -> why == null ? TlsEngine.OPENSSL : TlsEngine.JSSE;
            case OPENSSL -> {
                if (why != null) {
                    throw new IllegalArgumentException("--tls-engine openssl is not available here (" + why
                            + "): use --tls-engine jsse or auto");
                }
                yield TlsEngine.OPENSSL;
            }
        };
    }

    /**
     * Resolves {@code tls}'s engine for {@code target} and, for OpenSSL, makes and frees the run's context
     * once, so that a setting OpenSSL refuses (a group it does not know) is refused before the run.
     *
     * @throws IllegalArgumentException one line naming the flag
     */
    public static void check(Target target, TlsOptions tls) {
        if (resolve(tls.engine()) == TlsEngine.OPENSSL) {
            try {
                new OpenSslContext(target, tls).close();
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    /**
     * The line to print when {@code asked} falls back to JSSE ({@code auto} without a usable libssl), or
     * {@code null} when it does not.
     */
    public static String fallback(TlsEngine asked) {
        String why = OpenSsl.unavailable();
        return asked == TlsEngine.AUTO && why != null
                ? "--tls-engine auto: OpenSSL cannot be used here (" + why + "), so TLS runs on JSSE" : null;
    }
}
