package mpmbench.server.http.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3986 3.2.2 host forms, beyond the few the rule table sends over a socket. */
class UriSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "::ffff:1.2.3.4",
        "fe80::1:2", "2001:DB8:0:0:1::1", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8"})
    void acceptsIpv6Addresses(String address) {
        assertEquals(true, UriSyntax.ipv6(bytes(address), 0, address.length()), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":1", "1:", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "1:2:3:4:5:6:7:1.2.3.4",
        "::1.2.3.256", "::01.2.3.4", "::1.2.3", "g::1", "1:2:3:4:5:6:7", "::1:2:3:4:5:6:7:8"})
    void rejectsWhatIsNotIpv6(String address) {
        assertEquals(false, UriSyntax.ipv6(bytes(address), 0, address.length()), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "", "a:", "a:65535", "[::1]:1", "[v7.a:b]", "1.2.3.4:80", "%41-._~!$&'()*+,;="})
    void acceptsHostAndPort(String authority) {
        UriSyntax.authority(bytes(authority), 0, authority.length(), false, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a@b", "a:0", "a:65536", "a:-1", "a:1:2", "[::1]x", "[v.x]", "[v1.]", "%4", "%zz",
        "a/b", "[::1", "a\"b"})
    void rejectsWhatIsNotHostAndPort(String authority) {
        AnswerAndCloseException e = assertThrows(AnswerAndCloseException.class,
                () -> UriSyntax.authority(bytes(authority), 0, authority.length(), false, false));
        assertEquals(400, e.status());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
