package mpmbench.server.http.request;

/**
 * The fields of a request that make it conditional (RFC 9110 13.1: If-Match, If-None-Match,
 * If-Modified-Since, If-Unmodified-Since) or partial (14.2 Range, 13.1.5 If-Range), as sent, so {@link
 * mpmbench.server.http.response.Preconditions} can evaluate them once the response's validators are
 * known.
 *
 * <p>The values are copied into one array of LimitRequestFieldSize bytes, allocated with the parser:
 * a request that carries more than that in these fields together is a 431, like a field line over the
 * limit. List fields (If-Match, If-None-Match) on several lines are joined as one list (RFC 9110
 * 5.3); a single-valued field sent twice is remembered as such and ignored by the evaluation.
 *
 * <p>Owned by one {@link HttpRequest}; single-threaded; allocates nothing per request. A request
 * without any of these fields costs one comparison ({@link #any()}).
 */
public final class ConditionalFields {

    public static final int IF_MATCH = 0;
    public static final int IF_NONE_MATCH = 1;
    public static final int IF_MODIFIED_SINCE = 2;
    public static final int IF_UNMODIFIED_SINCE = 3;
    public static final int RANGE = 4;
    public static final int IF_RANGE = 5;
    private static final int FIELDS = 6;

    private final byte[] values;
    private final int[] from = new int[FIELDS];
    private final int[] to = new int[FIELDS];
    private final int[] lines = new int[FIELDS];
    private int used;
    private int present;

    ConditionalFields(int capacity) {
        values = new byte[capacity];
    }

    void clear() {
        if (present != 0) {
            present = 0;
            used = 0;
            java.util.Arrays.fill(lines, 0);
        }
    }

    /** True when the request carries any of these fields. */
    public boolean any() {
        return present != 0;
    }

    public boolean has(int field) {
        return (present & 1 << field) != 0;
    }

    /** True when the field came on exactly one line (a single-valued field sent twice is invalid). */
    public boolean single(int field) {
        return lines[field] == 1;
    }

    /** The array holding every value; a field's value is {@code [from(field), to(field))}. */
    public byte[] values() {
        return values;
    }

    public int from(int field) {
        return from[field];
    }

    public int to(int field) {
        return to[field];
    }

    /**
     * Records one field line's value {@code line[start, end)} (OWS trimmed).
     *
     * @throws AnswerAndCloseException 431 when these fields together exceed the capacity
     */
    void add(int field, byte[] line, int start, int end) {
        lines[field]++;
        int len = end - start;
        if (!has(field)) {
            reserve(len);
            from[field] = used;
        } else if (field == IF_MATCH || field == IF_NONE_MATCH) {
            // join as one list: move the value to the end unless it is there already, then ", " and the line
            int old = to[field] - from[field];
            if (to[field] != used) {
                reserve(old);
                System.arraycopy(values, from[field], values, used, old);
                from[field] = used;
                used += old;
            }
            reserve(len + 1);
            values[used++] = ',';
        } else {
            return; // a second line of a single-valued field: the evaluation ignores the field
        }
        System.arraycopy(line, start, values, used, len);
        used += len;
        to[field] = used;
        present |= 1 << field;
    }

    private void reserve(int bytes) {
        if (used + bytes > values.length) {
            throw new AnswerAndCloseException(431, "conditional and range fields over LimitRequestFieldSize");
        }
    }
}
