package mpmbench.loadgen.http;

/**
 * Finds the end of the current line in bytes that arrive in pieces (a line ends at LF; a CR before it
 * is dropped, RFC 9112 §2.2 lets a recipient accept a bare LF), keeps its first bytes in a
 * {@link KeptLine}, and checks on the way whether it is a field line: a token, optional whitespace,
 * then a colon (RFC 9112 §5.1; the whitespace is dropped as a proxy must, and the name may be longer
 * than what is kept). Never allocates. Owned by one parser.
 */
final class LineReader {

    final KeptLine line = new KeptLine();
    private long length;
    private boolean lastWasCr;
    /** 0: in the name; 1: whitespace after the name; 2: colon seen; 3: not a field line. */
    private int nameState;
    private boolean nameSeen;

    /** Forgets the current line. */
    void clear() {
        line.clear();
        length = 0;
        lastWasCr = false;
        nameState = 0;
        nameSeen = false;
    }

    /**
     * Consumes {@code a[from, to)} up to and including the first LF.
     *
     * @return the index after the LF when the line is complete (then {@link #line} holds it), or
     *         {@code -1} when every byte was consumed and the line goes on
     */
    int scan(byte[] a, int from, int to) {
        int i = from;
        while (i < to && a[i] != '\n') {
            if (nameState < 2) {
                name(a[i]);
            }
            i++;
        }
        line.append(a, from, i);
        length += i - from;
        if (i > from) {
            lastWasCr = a[i - 1] == '\r';
        }
        if (i == to) {
            return -1;
        }
        line.endLine(lastWasCr);
        return i + 1;
    }

    private void name(byte c) {
        if (c == ':') {
            nameState = nameSeen ? 2 : 3;
        } else if (nameState == 0 && KeptLine.isTchar(c)) {
            nameSeen = true;
        } else if (KeptLine.isWhitespace(c) && nameSeen) {
            nameState = 1;
        } else {
            nameState = 3;
        }
    }

    /** Whether the complete line is {@code field-name [BWS] ":" ...}. */
    boolean isFieldLine() {
        return nameState == 2;
    }

    /** Length of the line so far without its LF (the CR of a CRLF included), bytes. */
    long length() {
        return length;
    }
}
