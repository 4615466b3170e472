package mpmbench.server.http.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpDateTest {

    @ParameterizedTest
    @CsvSource({
        "0, 'Thu, 01 Jan 1970 00:00:00 GMT'",
        "784111777, 'Sun, 06 Nov 1994 08:49:37 GMT'",
        "951782400, 'Tue, 29 Feb 2000 00:00:00 GMT'",
        "4102444799, 'Thu, 31 Dec 2099 23:59:59 GMT'",
    })
    void encodesImfFixdate(long epochSecond, String expected) {
        assertEquals(expected, new String(HttpDate.encode(epochSecond), StandardCharsets.US_ASCII));
    }

    /** RFC 9110 5.6.7: a recipient accepts all three formats; anything else is not a date. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sun, 06 Nov 1994 08:49:37 GMT   | 784111777",
        "Sunday, 06-Nov-94 08:49:37 GMT  | 784111777",
        "Sun Nov  6 08:49:37 1994        | 784111777",
        "Thu, 01 Jan 1970 00:00:00 GMT   | 0",
        "Tue, 29 Feb 2000 00:00:00 GMT   | 951782400",
        "Thu, 31 Dec 2099 23:59:59 GMT   | 4102444799",
        "Sun, 06 Nov 1994 08:49:37 UTC   | -1",
        "Sun, 06 nov 1994 08:49:37 GMT   | -1",
        "Sun, 6 Nov 1994 08:49:37 GMT    | -1",
        "Sun, 06 Nov 1994 24:49:37 GMT   | -1",
        "Sun, 06 Nov 1994 08-49-37 GMT   | -1",
        "yesterday                       | -1",
        "''                              | -1",
    })
    void parsesEveryHttpDateFormat(String text, long expected) {
        byte[] b = ("<" + text + ">").getBytes(StandardCharsets.US_ASCII);
        assertEquals(expected, HttpDate.parse(b, 1, b.length - 1));
    }

    @Test
    void followsItsClockSecondBySecond() {
        AtomicLong now = new AtomicLong(784111777_999L);
        HttpDate date = new HttpDate(now::get);
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", put(date));
        now.set(784111778_000L);
        assertEquals("Sun, 06 Nov 1994 08:49:38 GMT", put(date));
    }

    private static String put(HttpDate date) {
        ByteBuffer b = ByteBuffer.allocate(HttpDate.LENGTH);
        date.put(b);
        return new String(b.array(), StandardCharsets.US_ASCII);
    }
}
