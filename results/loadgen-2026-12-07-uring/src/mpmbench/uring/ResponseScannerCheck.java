package mpmbench.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * {@link ResponseScanner} fed raw bytes, split in two at every offset, and bad inputs: {@code java -cp
 * out mpmbench.uring.ResponseScannerCheck} prints "ok" or throws. (A check of the experiment, not a
 * project test.)
 */
public final class ResponseScannerCheck {

    private ResponseScannerCheck() {
    }

    public static void main(String[] args) {
        String nginx = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Mon, 07 Dec 2026 04:28:11 GMT\r\n"
                + "Content-Type: text/plain\r\nCONTENT-length: 13\r\nConnection: keep-alive\r\n\r\nHello, World!";
        try (Arena arena = Arena.ofConfined()) {
            for (int cut = 0; cut <= nginx.length(); cut++) {
                check(arena, nginx, cut, ResponseScanner.COMPLETE, 200);
            }
            check(arena, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", 10, ResponseScanner.COMPLETE, 404);
            check(arena, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello", 5, ResponseScanner.ERROR, 200);
            check(arena, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabc", 3, ResponseScanner.ERROR, 200);
            check(arena, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab", 3, ResponseScanner.NEED_MORE, 200);
            check(arena, "HTTP/1.1 200 OK\r\nX-Content-Length: 5\r\nContent-Length: 1\r\n\r\nZ", 3, ResponseScanner.COMPLETE, 200);
        }
        System.out.println("ok");
    }

    private static void check(Arena arena, String response, int cut, int want, int status) {
        byte[] b = response.getBytes(StandardCharsets.US_ASCII);
        MemorySegment m = arena.allocate(Math.max(1, b.length));
        MemorySegment.copy(b, 0, m, ValueLayout.JAVA_BYTE, 0, b.length);
        ResponseScanner s = new ResponseScanner();
        s.reset();
        int first = s.feed(m, 0, cut);
        int got = first == ResponseScanner.NEED_MORE && cut < b.length ? s.feed(m, cut, b.length - cut) : first;
        if (got != want || (want != ResponseScanner.ERROR && s.status() != status)) {
            throw new AssertionError("cut " + cut + " of " + response.replace("\r\n", "|") + ": " + got + " status "
                    + s.status() + ", want " + want + " status " + status);
        }
    }
}
