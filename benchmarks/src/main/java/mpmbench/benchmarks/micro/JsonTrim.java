package mpmbench.benchmarks.micro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes JMH's JSON small enough to commit: drops the {@code "rawDataHistogram"} members (SampleTime
 * modes record every sample's bucket, megabytes per run; the percentiles stay in
 * {@code scorePercentiles}, the per-iteration scores in {@code rawData}) and the pretty-printing
 * whitespace. The rest is JMH's JSON unchanged.
 *
 * <p>Also a main: {@code JsonTrim FILE} trims a jmh.json in place.
 */
final class JsonTrim {

    private static final String HISTOGRAM = "\"rawDataHistogram\"";

    private JsonTrim() {
    }

    static String trim(String json) {
        return compact(dropMember(compact(json), HISTOGRAM));
    }

    /** Removes whitespace outside strings. */
    static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Removes every member {@code name:[...]} (or {...}) of compact JSON, with its separating comma. */
    static String dropMember(String json, String name) {
        StringBuilder out = new StringBuilder(json.length());
        int from = 0;
        int at;
        while ((at = json.indexOf(name + ":", from)) >= 0) {
            int start = at;
            int end = skipValue(json, at + name.length() + 1);
            if (start > 0 && json.charAt(start - 1) == ',') {
                start--;
            } else if (end < json.length() && json.charAt(end) == ',') {
                end++;
            }
            out.append(json, from, start);
            from = end;
        }
        return out.append(json, from, json.length()).toString();
    }

    private static int skipValue(String json, int i) {
        int depth = 0;
        boolean inString = false;
        for (; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (depth == 0 && c == ',') {
                return i;
            }
        }
        return i;
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.writeString(file, trim(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
