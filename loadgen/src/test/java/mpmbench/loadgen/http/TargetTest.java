package mpmbench.loadgen.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** URLs as RFC 3986 says: what goes on the request line, and what is refused before a run. */
class TargetTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/hello|/hello",
        "''|/",
        "/café|/caf%C3%A9",
        "/café?q=ü&r=1|/caf%C3%A9?q=%C3%BC&r=1",
        "/caf%C3%A9|/caf%C3%A9",
        "/a%20b?x=%2F|/a%20b?x=%2F",
        "/日本|/%E6%97%A5%E6%9C%AC",
        "/\uD83D\uDE00|/%F0%9F%98%80",
        "/ok#fragmént|/ok",
    })
    void nonAsciiGoesOnTheWirePercentEncodedAsUtf8AndEncodedTextIsLeftAsItIs(String path, String requestTarget) {
        Target t = Target.parse("http://127.0.0.1:8080" + path);
        assertEquals(requestTarget, t.pathAndQuery());
        assertEquals("http://127.0.0.1:8080" + path, t.url(), "the URL as given, for reports");
        assertTrue(t.pathAndQuery().chars().allMatch(c -> c > 0x20 && c < 0x7F), t.pathAndQuery());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "http://127.0.0.1/a b => a space at index 18 is not allowed in a URL (RFC 3986 §2); percent-encode it (%20)",
        "http://127.0.0.1/a?q=<x> => < at index 21 is not allowed in a URL",
        "http://127.0.0.1/a|b => | at index 18 is not allowed in a URL",
        "http://127.0.0.1/\"q\" => \" at index 17 is not allowed in a URL",
        "http://127.0.0.1/a\\b => \\ at index 18 is not allowed in a URL",
        "http://127.0.0.1/caf\uFFFD => a character that was not decoded (U+FFFD) at index 20",
        "http://café.example/ => a host outside ASCII (http://café.example): give its ASCII form",
        "http://127.0.0.1/%zz => Malformed escape pair",
    })
    void aCharacterNoUrlMayHoldIsRefusedBeforeTheRunWithOneLineNamingIt(String url, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse(url));
        assertTrue(e.getMessage().startsWith("invalid URL '" + url + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/a\tb", "http://127.0.0.1/a\nb", "http://127.0.0.1/a\u007Fb"})
    void controlCharactersAreRefusedByTheirCodePoint(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse(url));
        assertTrue(e.getMessage().contains("a control character (U+00"), e.getMessage());
    }

    @Test
    void httpsIsTlsOnPort443ByDefaultWithTheHostAsServerName() {
        Target t = Target.parse("https://localhost/x?y=1");
        assertTrue(t.tls());
        assertEquals(443, t.address().getPort());
        assertEquals("localhost", t.hostHeader());
        assertEquals("localhost", t.serverName());
        assertEquals("/x?y=1", t.pathAndQuery());
        Target ported = Target.parse("HTTPS://127.0.0.1:8443/caf\u00e9");
        assertTrue(ported.tls());
        assertEquals(8443, ported.address().getPort());
        assertEquals("127.0.0.1:8443", ported.hostHeader());
        assertEquals(null, ported.serverName(), "no SNI for an address");
        assertEquals(null, Target.parse("https://[::1]:8443/").serverName());
        assertEquals(false, Target.parse("http://localhost/").tls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/", "ws://127.0.0.1:8443/x?y=1"})
    void otherSchemesKeepTheirClearRefusal(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse(url));
        assertEquals("invalid URL '" + url + "': only http:// and https:// are supported"
                + " (expected http://host[:port][/path] or https://…)", e.getMessage());
    }
}
