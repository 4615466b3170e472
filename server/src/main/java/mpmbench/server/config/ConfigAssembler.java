package mpmbench.server.config;

import static mpmbench.server.config.Directive.*;

import java.util.ArrayList;
import java.util.List;

import mpmbench.server.http.ConnectionTimeouts;
import mpmbench.server.http.request.HttpLimits;

/** Turns validated directive values into the {@link ServerConfig} record and the effective listing. */
final class ConfigAssembler {

    private ConfigAssembler() {
    }

    static ServerConfig build(DirectiveValues v) {
        Listen listen = v.listenValue(LISTEN);
        return new ServerConfig(
                v.mpm(),
                listen.host(),
                listen.port(),
                v.intValue(START_SERVERS),
                v.intValue(MIN_SPARE_SERVERS),
                v.intValue(MAX_SPARE_SERVERS),
                v.intValue(SERVER_LIMIT),
                v.intValue(THREAD_LIMIT),
                v.intValue(THREADS_PER_CHILD),
                v.intValue(MIN_SPARE_THREADS),
                v.intValue(MAX_SPARE_THREADS),
                v.intValue(MAX_REQUEST_WORKERS),
                v.intValue(MAX_CONNECTIONS_PER_CHILD),
                v.intValue(LISTEN_BACKLOG),
                v.doubleValue(ASYNC_REQUEST_WORKER_FACTOR),
                v.longValue(GRACEFUL_SHUTDOWN_TIMEOUT),
                new ConnectionTimeouts(
                        v.booleanValue(KEEP_ALIVE),
                        v.longValue(KEEP_ALIVE_TIMEOUT),
                        v.intValue(MAX_KEEP_ALIVE_REQUESTS),
                        v.longValue(TIMEOUT)),
                new HttpLimits(
                        v.intValue(LIMIT_REQUEST_LINE),
                        v.intValue(LIMIT_REQUEST_FIELD_SIZE),
                        v.intValue(LIMIT_REQUEST_FIELDS),
                        v.longValue(LIMIT_REQUEST_BODY)),
                v.listValue(CHILD_JVM_OPTIONS),
                v.stringValue(PID_FILE),
                v.booleanValue(SERVER_STATUS_REMOTE),
                v.longValue(MPMBENCH_PLANT_CPU),
                listen.protocol(),
                new SslSettings(
                        v.booleanValue(SSL_ENGINE),
                        v.stringValue(SSL_CERTIFICATE_FILE),
                        v.stringValue(SSL_CERTIFICATE_KEY_FILE),
                        v.listValue(SSL_PROTOCOL),
                        v.stringValue(SSL_CIPHER_SUITE),
                        v.stringValue(SSL_SESSION_CACHE),
                        v.booleanValue(SSL_SESSION_TICKETS),
                        v.stringValue(MPMBENCH_TLS_ENGINE)));
    }

    static List<EffectiveDirective> listing(DirectiveValues v) {
        List<EffectiveDirective> out = new ArrayList<>();
        for (Directive d : Directive.values()) {
            DirectiveValues.Entry e = v.entry(d);
            boolean applies = d.appliesTo(v.mpm());
            String note = applies ? e.note()
                    : (e.source() == Source.DEFAULT ? "not used by " : "ignored by ") + v.mpm().id();
            out.add(new EffectiveDirective(d, d.type().format(e.value()), e.source(), e.origin(), applies, note));
        }
        return out;
    }
}
