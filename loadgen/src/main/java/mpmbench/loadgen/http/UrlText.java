package mpmbench.loadgen.http;

import java.nio.charset.StandardCharsets;

/**
 * The characters of a URL as typed, made into what RFC 3986 allows on the wire, before
 * {@link java.net.URI} parses it. A request line is ASCII: {@link RequestEncoder} writes it byte for
 * char, so a character outside ASCII would become a raw byte (é as 0xE9) or a {@code ?} (日).
 * <ul>
 *   <li>Any character outside ASCII in the path, query or fragment is written as the percent-encoded
 *       bytes of its UTF-8 form ({@code /café} is {@code /caf%C3%A9}), as RFC 3987 §3.1 maps an IRI to a
 *       URI and as browsers send it; a {@code %XX} already there is left as it is.</li>
 *   <li>An ASCII character that no part of a URL may hold (RFC 3986 §2: a space, a control character,
 *       {@code " < > \ ^ ` { | }}) is refused with its position: whether a space should be {@code %20}
 *       or {@code +} is the user's call, not ours.</li>
 *   <li>A host outside ASCII is refused: its ASCII form (IDNA, {@code xn--…}) is what DNS and the
 *       {@code Host} header need.</li>
 * </ul>
 * Everything else (a malformed {@code %}, a bad port, a character in the wrong part) is left to
 * {@link java.net.URI}'s parse, whose message {@link Target} reports.
 */
final class UrlText {

    /** ASCII characters RFC 3986 allows nowhere in a URI (besides controls and the space). */
    private static final String NEVER_ALLOWED = "\"<>\\^`{|}";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlText() {
    }

    /**
     * The URL with every character outside ASCII after the host percent-encoded as UTF-8.
     *
     * @throws IllegalArgumentException naming the first character that cannot be in a URL, and where
     */
    static String toAscii(String url) {
        int authorityEnd = authorityEnd(url);
        StringBuilder out = null;
        for (int i = 0; i < url.length(); ) {
            int cp = url.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp < 0x80) {
                if (cp <= 0x20 || cp == 0x7F || NEVER_ALLOWED.indexOf(cp) >= 0) {
                    throw new IllegalArgumentException(describe(cp) + " at index " + i
                            + " is not allowed in a URL (RFC 3986 §2); percent-encode it"
                            + (cp == ' ' ? " (%20)" : String.format(" (%%%02X)", cp)));
                }
                if (out != null) {
                    out.append((char) cp);
                }
            } else {
                if (cp == 0xFFFD || Character.isSurrogate((char) cp)) {
                    throw new IllegalArgumentException(String.format("a character that was not decoded (U+%04X) at"
                            + " index %d: was the command line's locale UTF-8 (LANG=C.UTF-8)? Or percent-encode it", cp, i));
                }
                if (i < authorityEnd) {
                    throw new IllegalArgumentException("a host outside ASCII (" + url.substring(0, authorityEnd)
                            + "): give its ASCII form (IDNA, xn--...)");
                }
                if (out == null) {
                    out = new StringBuilder(url.length() + 16).append(url, 0, i);
                }
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            i += n;
        }
        return out == null ? url : out.toString();
    }

    /** Index just past {@code scheme://authority}, or 0 when the URL has no {@code //}. */
    private static int authorityEnd(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return 0;
        }
        int end = start + 2;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    private static String describe(int cp) {
        if (cp == ' ') {
            return "a space";
        }
        if (cp < 0x20 || cp == 0x7F) {
            return String.format("a control character (U+%04X)", cp);
        }
        return String.valueOf((char) cp);
    }
}
