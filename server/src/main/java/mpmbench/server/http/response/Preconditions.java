package mpmbench.server.http.response;

import mpmbench.server.http.request.ConditionalFields;
import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.request.Method;

/**
 * Evaluates a request's preconditions (RFC 9110 13.2.2) and its Range (14.2) against a 200 that
 * carries validators ({@link Response#staticFile}), in the RFC's order:
 * <ol>
 *   <li>If-Match, strong comparison: false is 412;</li>
 *   <li>else If-Unmodified-Since: modified after the date is 412;</li>
 *   <li>If-None-Match, weak comparison: true is 304 to GET and HEAD, 412 to anything else;</li>
 *   <li>else If-Modified-Since (GET and HEAD only): not modified since the date is 304;</li>
 *   <li>Range (GET only), unless If-Range names another validator: 206 or 416, see {@link ByteRanges}.</li>
 * </ol>
 * As httpd's {@code ap_meets_conditions}, a date that is not an HTTP-date, or a single-valued field
 * sent twice, is ignored, and an If-Modified-Since date later than the server's clock counts as
 * modified (it cannot be a date the server sent). If-Range holds when its entity tag equals the
 * ETag (strong comparison) or its date equals Last-Modified exactly: the representations with
 * validators here never change, so their Last-Modified is a strong validator.
 *
 * <p>Only responses with validators are evaluated, as httpd evaluates them only for what its
 * handlers serve with validators (static files). Static; allocates nothing.
 */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * Turns {@code response}, a 200 with validators to {@code request}, into the 304, 412, 206 or 416
     * the request's fields ask for, or leaves it.
     *
     * @param nowSecond the server's clock, in seconds since the epoch
     */
    public static void evaluate(HttpRequest request, Response response, long nowSecond) {
        ConditionalFields f = request.conditionals();
        byte[] v = f.values();
        byte[] etag = response.etag();
        long modified = response.lastModifiedSecond();
        boolean getOrHead = request.method() == Method.GET || request.method() == Method.HEAD;
        if (f.has(ConditionalFields.IF_MATCH)) {
            if (!EntityTags.matches(v, f.from(ConditionalFields.IF_MATCH), f.to(ConditionalFields.IF_MATCH), etag,
                    false)) {
                response.error(412);
                return;
            }
        } else if (f.has(ConditionalFields.IF_UNMODIFIED_SINCE)) {
            long date = date(f, ConditionalFields.IF_UNMODIFIED_SINCE);
            if (date >= 0 && modified > date) {
                response.error(412);
                return;
            }
        }
        if (f.has(ConditionalFields.IF_NONE_MATCH)) {
            if (EntityTags.matches(v, f.from(ConditionalFields.IF_NONE_MATCH), f.to(ConditionalFields.IF_NONE_MATCH),
                    etag, true)) {
                notModifiedOr412(response, getOrHead);
                return;
            }
        } else if (getOrHead && f.has(ConditionalFields.IF_MODIFIED_SINCE)) {
            long date = date(f, ConditionalFields.IF_MODIFIED_SINCE);
            if (date >= 0 && modified <= date && date <= nowSecond) {
                response.notModified();
                return;
            }
        }
        if (request.method() == Method.GET && f.single(ConditionalFields.RANGE) && response.arrayBody()
                && (!f.has(ConditionalFields.IF_RANGE) || ifRangeHolds(f, etag, modified))) {
            ByteRanges.apply(v, f.from(ConditionalFields.RANGE), f.to(ConditionalFields.RANGE), response);
        }
    }

    private static void notModifiedOr412(Response response, boolean getOrHead) {
        if (getOrHead) {
            response.notModified();
        } else {
            response.error(412);
        }
    }

    /** The field's HTTP-date in epoch seconds, or -1 when it is not one or came twice. */
    private static long date(ConditionalFields f, int field) {
        return f.single(field) ? HttpDate.parse(f.values(), f.from(field), f.to(field)) : -1;
    }

    /** If-Range: an entity tag compared strongly, or a date equal to Last-Modified (RFC 9110 13.1.5). */
    private static boolean ifRangeHolds(ConditionalFields f, byte[] etag, long modified) {
        if (!f.single(ConditionalFields.IF_RANGE)) {
            return false;
        }
        int from = f.from(ConditionalFields.IF_RANGE);
        int to = f.to(ConditionalFields.IF_RANGE);
        byte[] v = f.values();
        if (to > from && (v[from] == '"' || v[from] == 'W')) {
            // one strong tag: a weak one (W/) never passes the strong comparison
            return v[from] == '"' && oneTag(v, from, to) && EntityTags.matches(v, from, to, etag, false);
        }
        return HttpDate.parse(v, from, to) == modified;
    }

    /** If-Range holds one entity tag, not a list: exactly two quotes, the last byte one of them. */
    private static boolean oneTag(byte[] v, int from, int to) {
        int quotes = 0;
        for (int i = from; i < to; i++) {
            if (v[i] == '"') {
                quotes++;
            }
        }
        return quotes == 2 && v[to - 1] == '"';
    }
}
