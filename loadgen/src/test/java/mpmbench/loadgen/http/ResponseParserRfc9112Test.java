package mpmbench.loadgen.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per rule of RFC 9112 §2–§7 (and §9.3) that a recipient of responses must follow; the
 * section is in each test's name. Every response is fed whole and byte by byte, and both must agree.
 * {@code \n} in the texts below is written out as {@code \r\n} unless a test is about bare LF.
 */
class ResponseParserRfc9112Test {

    /** What parsing one response ended with. */
    record Outcome(ParseResult result, int status, boolean keepAlive, long bytes, int consumed) {
    }

    private static String crlf(String s) {
        return s.replace("\n", "\r\n");
    }

    /** Parses the first response of {@code text}, whole and byte by byte; asserts both agree. */
    private static Outcome parse(String text) {
        return parse(text, false);
    }

    private static Outcome parse(String text, boolean head) {
        Outcome whole = parseInSlices(text, Integer.MAX_VALUE, head);
        Outcome bytewise = parseInSlices(text, 1, head);
        assertEquals(whole, bytewise, "whole vs byte by byte: " + text);
        return whole;
    }

    private static Outcome parseInSlices(String text, int step, boolean head) {
        byte[] all = text.getBytes(StandardCharsets.ISO_8859_1);
        ResponseParser p = new ResponseParser();
        p.expectNoBody(head);
        ParseResult r = ParseResult.NEED_MORE;
        int off = 0;
        while (off < all.length && r == ParseResult.NEED_MORE) {
            ByteBuffer b = ByteBuffer.wrap(all, off, Math.min(step, all.length - off));
            r = p.feed(b);
            off = b.position();
        }
        if (r == ParseResult.NEED_MORE && !p.idle()) {
            r = p.onEof();
        }
        return new Outcome(r, p.status(), p.keepAlive(), p.responseBytes(), off);
    }

    private static void assertComplete(Outcome o, int status, long bytes) {
        assertEquals(ParseResult.COMPLETE, o.result(), o.toString());
        assertEquals(status, o.status(), o.toString());
        assertEquals(bytes, o.bytes(), o.toString());
    }

    private static void assertError(String text) {
        assertEquals(ParseResult.ERROR, parse(text).result(), text);
    }

    // ---- §2 message format ----

    @Test
    void rfc9112_2_2_aBareLfEndsALine() {
        String text = "HTTP/1.1 200 OK\nContent-Length: 2\n\nok";
        assertComplete(parse(text), 200, text.length());
    }

    @Test
    void rfc9112_2_2_aBareCrInsideALineIsReadAsSpace() {
        String text = crlf("HTTP/1.1 200 OK\nContent-Length:\r2\n\nok");
        assertComplete(parse(text), 200, text.length());
    }

    @Test
    void rfc9112_2_2_whitespaceLinesBetweenStatusLineAndFirstFieldAreConsumed() {
        String text = crlf("HTTP/1.1 200 OK\n  stray\n\tmore\nContent-Length: 2\n\nok");
        assertComplete(parse(text), 200, text.length());
    }

    @Test
    void rfc9112_2_3_aHigherMinorVersionIsReadAsHttp11() {
        Outcome o = parse(crlf("HTTP/1.7 200 OK\nContent-Length: 0\n\n"));
        assertEquals(ParseResult.COMPLETE, o.result());
        assertTrue(o.keepAlive(), "1.x with x > 1 is persistent by default like 1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2.0 200 OK", "HTTP/0.9 200 OK", "HTTP/2 200 OK", "http/1.1 200 OK", "HTTP/1.x 200 OK",
            "HTTP 1.1 200 OK", "HTTP/1.1  200 OK"})
    void rfc9112_2_3_anotherMajorVersionOrAMalformedVersionIsAnError(String statusLine) {
        assertError(crlf(statusLine + "\nContent-Length: 0\n\n"));
    }

    // ---- §4 status line ----

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 099 Low", "HTTP/1.1 600 High", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK",
            "HTTP/1.1 2x0 OK", "HTTP/1.1 OK"})
    void rfc9112_4_theStatusCodeIsThreeDigitsFrom100To599(String statusLine) {
        assertError(crlf(statusLine + "\nContent-Length: 0\n\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 200", "HTTP/1.1 200 ", "HTTP/1.1 599 Any reason, even \u00fc and: colons"})
    void rfc9112_4_theReasonPhraseIsIgnoredAndMayBeMissing(String statusLine) {
        String text = crlf(statusLine + "\nContent-Length: 0\n\n");
        assertEquals(ParseResult.COMPLETE, parse(text).result(), text);
    }

    // ---- §5 field syntax ----

    @Test
    void rfc9112_5_1_fieldNamesAreCaseInsensitive() {
        String text = crlf("HTTP/1.1 200 OK\ncOnTeNt-LeNgTh: 2\n\nok");
        assertComplete(parse(text), 200, text.length());
    }

    @Test
    void rfc9112_5_1_whitespaceAroundTheValueIsNotPartOfIt() {
        String text = crlf("HTTP/1.1 200 OK\nContent-Length: \t 2 \t\n\nok");
        assertComplete(parse(text), 200, text.length());
    }

    @Test
    void rfc9112_5_1_whitespaceBetweenNameAndColonIsDroppedAsAProxyMust() {
        String text = crlf("HTTP/1.1 200 OK\nContent-Length : 2\n\nok");
        assertComplete(parse(text), 200, text.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no colon here", ": no name", "Bad Name: x", "X-(paren): 1", "Content-Length 2"})
    void rfc9112_5_1_aLineThatIsNotAFieldLineIsAnError(String line) {
        assertError(crlf("HTTP/1.1 200 OK\n" + line + "\nContent-Length: 0\n\n"));
    }

    @Test
    void rfc9112_5_1_fieldsWithLongNamesAndValuesAreSkipped() {
        String text = crlf("HTTP/1.1 200 OK\nX-" + "n".repeat(3000) + ": " + "v".repeat(20_000)
                + "\nSet-Cookie: " + "c".repeat(4000) + "\nContent-Length: 2\n\nok");
        assertComplete(parse(text), 200, text.length());
    }

    @Test
    void rfc9112_5_2_obsFoldIsUnfoldedWithSpaceAndTheResponseGoesOn() {
        // the example: a header continued on the next line by leading spaces
        String text = crlf("HTTP/1.1 200 OK\nContent-Length: 13\nX-Folded: first part\n   second part\n\nHello, World!");
        assertComplete(parse(text), 200, text.length());
    }

    @Test
    void rfc9112_5_2_obsFoldInsideAFramingFieldIsInterpretedUnfolded() {
        Outcome chunked = parse(crlf("HTTP/1.1 200 OK\nTransfer-Encoding: gzip,\n\tchunked\n\n2\nok\n0\n\n"));
        assertEquals(ParseResult.COMPLETE, chunked.result());
        Outcome close = parse(crlf("HTTP/1.1 200 OK\nConnection: keep-alive,\n close\nContent-Length: 0\n\n"));
        assertEquals(ParseResult.COMPLETE, close.result());
        assertFalse(close.keepAlive(), "the folded 'close' option counts");
    }

    @Test
    void rfc9112_5_headerSectionOverTheLimitIsAnError() {
        String text = crlf("HTTP/1.1 200 OK\n" + ("X-Filler: " + "y".repeat(100) + "\n").repeat(700) + "\n");
        assertError(text);
    }

    @Test
    void rfc9112_5_aFramingFieldLongerThanWhatIsKeptIsAnError() {
        assertError(crlf("HTTP/1.1 200 OK\nTransfer-Encoding: " + "gzip, ".repeat(60) + "chunked\n\n"));
    }

    // ---- §6 message body ----

    @Test
    void rfc9112_6_1_transferEncodingInAnHttp10ResponseIsFaultyFraming() {
        assertError(crlf("HTTP/1.0 200 OK\nTransfer-Encoding: chunked\nContent-Length: 2\n\n2\nok\n0\n\n"));
    }

    @Test
    void rfc9112_6_3_1_a1xxResponseIsSkippedAndTheFinalOneFollows() {
        String text = crlf("HTTP/1.1 100 Continue\n\nHTTP/1.1 103 Early Hints\nLink: </a.css>; rel=preload\n\n"
                + "HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
        assertComplete(parse(text), 200, text.length());
    }

    @Test
    void rfc9112_6_3_1_101SwitchingProtocolsWithoutAnUpgradeRequestIsAnError() {
        assertError(crlf("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\n\n"));
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void rfc9112_6_3_1_204And304EndAtTheHeaderSectionWhateverTheirFields(int status) {
        String head = crlf("HTTP/1.1 " + status + " X\nContent-Length: 13\nTransfer-Encoding: chunked\n\n");
        Outcome o = parse(head + "HTTP/1.1 200 OK\n");
        assertComplete(o, status, head.length());
        assertEquals(head.length(), o.consumed(), "the next response's bytes are left in the buffer");
    }

    @Test
    void rfc9112_6_3_1_aResponseToHeadEndsAtTheHeaderSection() {
        String head = crlf("HTTP/1.1 200 OK\nContent-Length: 13\n\n");
        assertComplete(parse(head + "HTTP/1.1 200 OK\n", true), 200, head.length());
    }

    @Test
    void rfc9112_6_3_3_transferEncodingOverridesContentLengthAndTheConnectionIsNotReused() {
        String text = crlf("HTTP/1.1 200 OK\nContent-Length: 100\nTransfer-Encoding: chunked\n\n2\nok\n0\n\n");
        Outcome o = parse(text);
        assertComplete(o, 200, text.length());
        assertFalse(o.keepAlive(), "a response with both ought to be handled as an error: close after it");
    }

    @Test
    void rfc9112_6_3_4_chunkedAsTheFinalCodingFramesTheBody() {
        String text = crlf("HTTP/1.1 200 OK\nTransfer-Encoding: gzip, chunked\n\n5\nHello\n0\n\n");
        Outcome o = parse(text + "next");
        assertComplete(o, 200, text.length());
        assertTrue(o.keepAlive());
    }

    @Test
    void rfc9112_6_3_4_transferEncodingWithoutChunkedLastRunsUntilTheClose() {
        String text = crlf("HTTP/1.1 200 OK\nTransfer-Encoding: chunked, gzip\n\nbody bytes");
        Outcome o = parse(text);
        assertComplete(o, 200, text.length());
        assertFalse(o.keepAlive());
    }

    @Test
    void rfc9112_6_3_5_contentLengthsThatDisagreeAreAnUnrecoverableError() {
        // the example: two Content-Length fields that disagree
        assertError(crlf("HTTP/1.1 200 OK\nContent-Length: 5\nContent-Length: 13\n\nHello, World!"));
        assertError(crlf("HTTP/1.1 200 OK\nContent-Length: 5, 13\n\nHello, World!"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 13, 13", "Content-Length: 13\r\nContent-Length: 13", "Content-Length: 13,,13,"})
    void rfc9112_6_3_5_aListOfIdenticalValuesIsThatValue(String fields) {
        String text = crlf("HTTP/1.1 200 OK\n" + fields + "\n\nHello, World!");
        assertComplete(parse(text), 200, text.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1x", "", ",", "+5", "0x10", "1 3", "99999999999999999999999"})
    void rfc9112_6_3_5_anInvalidContentLengthIsAnUnrecoverableError(String value) {
        assertError(crlf("HTTP/1.1 200 OK\nContent-Length: " + value + "\n\nok"));
    }

    @Test
    void rfc9112_6_3_6_contentLengthFramesTheBodyAndAnEarlyCloseLeavesItIncomplete() {
        String text = crlf("HTTP/1.1 200 OK\nContent-Length: 5\n\nHello");
        assertComplete(parse(text + "HTTP"), 200, text.length());
        assertEquals(ParseResult.ERROR, parse(text.substring(0, text.length() - 1)).result());
    }

    @Test
    void rfc9112_6_3_8_withoutALengthTheBodyRunsUntilTheClose() {
        String text = crlf("HTTP/1.1 200 OK\nX-A: 1\n\nall of this is body, HTTP/1.1 200 OK too");
        Outcome o = parse(text);
        assertComplete(o, 200, text.length());
        assertFalse(o.keepAlive());
    }

    // ---- §7 chunked transfer coding ----

    @Test
    void rfc9112_7_1_chunkSizesAreHexadecimalInEitherCase() {
        String body = "x".repeat(0x1aF);
        String text = crlf("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n1aF\n" + body + "\n0\n\n");
        assertComplete(parse(text), 200, text.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "", " 5", "5 x", "-5", "fffffffffffffffffff"})
    void rfc9112_7_1_aMalformedOrOverflowingChunkSizeIsAnError(String sizeLine) {
        assertError(crlf("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n" + sizeLine + "\nhello\n0\n\n"));
    }

    @Test
    void rfc9112_7_1_chunkDataIsFollowedByCrlf() {
        assertError(crlf("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n1\nab\n0\n\n"));
    }

    @Test
    void rfc9112_7_1_1_chunkExtensionsAreIgnored() {
        String text = crlf("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n5 ; name=\"va;lue\"\nHello\n"
                + "0;last\n\n");
        assertComplete(parse(text), 200, text.length());
    }

    @Test
    void rfc9112_7_1_chunkExtensionsOverTheLimitAreAnError() {
        assertError(crlf("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n5;" + "e".repeat(70_000) + "\nHello\n0\n\n"));
    }

    @Test
    void rfc9112_7_1_2_trailerFieldsAreReadAndSkipped() {
        String text = crlf("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nTrailer: X-Sum\n\n2\nok\n0\n"
                + "X-Sum: 42\nContent-Length: 99\n folded\n\n");
        Outcome o = parse(text + "next");
        assertComplete(o, 200, text.length());
        assertTrue(o.keepAlive());
    }

    @Test
    void rfc9112_7_1_2_aTrailerLineThatIsNotAFieldLineIsAnError() {
        assertError(crlf("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n0\nnot a field\n\n"));
    }

    // ---- §9.3 persistence ----

    @Test
    void rfc9112_9_3_http11IsPersistentUnlessTheCloseOptionIsSent() {
        assertTrue(parse(crlf("HTTP/1.1 200 OK\nContent-Length: 0\n\n")).keepAlive());
        assertFalse(parse(crlf("HTTP/1.1 200 OK\nConnection: Upgrade, CLOSE\nContent-Length: 0\n\n")).keepAlive());
        assertTrue(parse(crlf("HTTP/1.1 200 OK\nConnection: closed, enclose\nContent-Length: 0\n\n")).keepAlive(),
                "options are whole tokens");
    }

    @Test
    void rfc9112_9_3_http10IsPersistentOnlyWithKeepAlive() {
        assertFalse(parse(crlf("HTTP/1.0 200 OK\nContent-Length: 0\n\n")).keepAlive());
        assertTrue(parse(crlf("HTTP/1.0 200 OK\nConnection: Keep-Alive\nContent-Length: 0\n\n")).keepAlive());
    }
}
