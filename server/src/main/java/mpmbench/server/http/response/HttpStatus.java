package mpmbench.server.http.response;

import java.nio.charset.StandardCharsets;

/** Status lines and short error bodies as ready-made bytes, so answering allocates nothing. */
final class HttpStatus {

    private static final byte[][] STATUS_LINES = new byte[600][];
    private static final byte[][] ERROR_BODIES = new byte[600][];

    static {
        for (int code = 100; code < 600; code++) {
            String text = code + " " + reason(code);
            STATUS_LINES[code] = ("HTTP/1.1 " + text + "\r\n").getBytes(StandardCharsets.US_ASCII);
            ERROR_BODIES[code] = (text + "\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private HttpStatus() {
    }

    /** {@code HTTP/1.1 <code> <reason>\r\n}; HTTP/1.1 even to 1.0 clients, as RFC 9110 2.5 asks. */
    static byte[] statusLine(int code) {
        return STATUS_LINES[code];
    }

    /** {@code <code> <reason>\n}: the text body of an error response. */
    static byte[] errorBody(int code) {
        return ERROR_BODIES[code];
    }

    static String reason(int code) {
        return switch (code) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 411 -> "Length Required";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 416 -> "Range Not Satisfiable";
            case 417 -> "Expectation Failed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> code < 400 ? "Status" : "Error";
        };
    }
}
