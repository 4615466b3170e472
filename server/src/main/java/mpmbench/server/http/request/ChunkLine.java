package mpmbench.server.http.request;

import mpmbench.server.http.ascii.Ascii;

/**
 * Reads a chunk-size line of the chunked transfer coding (RFC 9112 7.1), CRLF excluded:
 * <pre>
 * chunk-size [ chunk-ext ]
 * chunk-size     = 1*HEXDIG
 * chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
 * chunk-ext-name = token
 * chunk-ext-val  = token / quoted-string
 * </pre>
 * Extensions are checked and ignored (RFC 9112 7.1.1: a recipient ignores the ones it does not
 * understand). Whitespace is allowed only where BWS is: before ";" and around "=", not at the end.
 * Static and allocation-free.
 */
final class ChunkLine {

    /** Past this value one more hex digit would overflow a long. */
    private static final long LAST_SAFE = Long.MAX_VALUE >>> 4;

    private ChunkLine() {
    }

    /**
     * @return the chunk size in bytes
     * @throws AnswerAndCloseException 400 when the line breaks the grammar; 413 when the size does not
     *                                 fit in 63 bits (leading zeros are fine, RFC 9112 7.1 asks
     *                                 recipients to guard against overflow)
     */
    static long size(byte[] line, int len) {
        long size = 0;
        int i = 0;
        for (; i < len && Ascii.hexDigit(line[i]) >= 0; i++) {
            if (size > LAST_SAFE) {
                throw new AnswerAndCloseException(413, "chunk size overflows");
            }
            size = size << 4 | Ascii.hexDigit(line[i]);
        }
        if (i == 0) {
            throw bad("chunk-size is not hex digits");
        }
        while (i < len) {
            int semicolon = skipWhite(line, i, len);
            if (semicolon == len || line[semicolon] != ';') {
                throw bad("chunk-size followed by something other than a chunk-ext");
            }
            i = extension(line, skipWhite(line, semicolon + 1, len), len);
        }
        return size;
    }

    /** Reads {@code chunk-ext-name [ BWS "=" BWS chunk-ext-val ]} from {@code from}; returns where it ends. */
    private static int extension(byte[] line, int from, int len) {
        int i = token(line, from, len);
        if (i == from) {
            throw bad("chunk-ext-name is not a token");
        }
        int eq = skipWhite(line, i, len);
        if (eq == len || line[eq] != '=') {
            return i;
        }
        int value = skipWhite(line, eq + 1, len);
        if (value < len && line[value] == '"') {
            return quotedString(line, value, len);
        }
        int end = token(line, value, len);
        if (end == value) {
            throw bad("chunk-ext-val is neither token nor quoted-string");
        }
        return end;
    }

    /** RFC 9110 5.6.4 quoted-string starting at the DQUOTE at {@code from}; returns the index after it. */
    private static int quotedString(byte[] line, int from, int len) {
        for (int i = from + 1; i < len; i++) {
            byte b = line[i];
            if (b == '"') {
                return i + 1;
            }
            if (b == '\\') {
                if (++i == len || !isQuotable(line[i])) {
                    throw bad("bad quoted-pair in chunk-ext-val");
                }
            } else if (!isQuotable(b)) {
                throw bad("control character in quoted chunk-ext-val");
            }
        }
        throw bad("quoted chunk-ext-val never closed");
    }

    /** HTAB, SP, VCHAR or obs-text: what qdtext (apart from DQUOTE and backslash) and quoted-pair allow. */
    private static boolean isQuotable(byte b) {
        return b == '\t' || b < 0 || (b >= 0x20 && b != 0x7f);
    }

    private static int token(byte[] line, int from, int len) {
        int i = from;
        while (i < len && Ascii.isTokenChar(line[i])) {
            i++;
        }
        return i;
    }

    private static int skipWhite(byte[] line, int from, int len) {
        int i = from;
        while (i < len && Ascii.isWhite(line[i])) {
            i++;
        }
        return i;
    }

    private static AnswerAndCloseException bad(String reason) {
        return new AnswerAndCloseException(400, reason);
    }
}
