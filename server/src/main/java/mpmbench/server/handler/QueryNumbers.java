package mpmbench.server.handler;

import mpmbench.server.http.request.AnswerAndKeepException;

/** Reads a decimal query parameter ({@code n=42}) without creating Strings. */
final class QueryNumbers {

    private QueryNumbers() {
    }

    /**
     * The value of parameter {@code name} in {@code query}, which must be digits within
     * {@code [0, max]}.
     *
     * @throws AnswerAndKeepException 400 when the parameter is missing, not a number or above {@code max}
     */
    static long get(CharSequence query, String name, long max) {
        int n = query.length();
        int i = 0;
        while (i < n) {
            int end = i;
            while (end < n && query.charAt(end) != '&') {
                end++;
            }
            if (isName(query, i, end, name)) {
                return digits(query, i + name.length() + 1, end, max, name);
            }
            i = end + 1;
        }
        throw new AnswerAndKeepException(400, "missing query parameter " + name);
    }

    private static boolean isName(CharSequence q, int from, int to, String name) {
        int len = name.length();
        if (to - from <= len || q.charAt(from + len) != '=') {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (q.charAt(from + k) != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static long digits(CharSequence q, int from, int to, long max, String name) {
        if (from >= to) {
            throw new AnswerAndKeepException(400, "empty " + name);
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = q.charAt(i);
            if (c < '0' || c > '9') {
                throw new AnswerAndKeepException(400, name + " is not a number");
            }
            v = v * 10 + (c - '0');
            if (v > max) {
                throw new AnswerAndKeepException(400, name + " is above " + max);
            }
        }
        return v;
    }
}
