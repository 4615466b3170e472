package mpmbench.server.config;

import java.util.ArrayList;
import java.util.List;

/** Splits a config line into words the way httpd's {@code ap_getword_conf} does. */
final class ConfigWords {

    private ConfigWords() {
    }

    /**
     * Splits on whitespace; a word starting with {@code "} or {@code '} runs to the matching quote,
     * which a backslash escapes. The quotes are removed, so {@code ""} is an empty word.
     *
     * @param origin where the line came from, for the unterminated-quote message
     */
    static List<String> split(String line, String origin) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            StringBuilder word = new StringBuilder();
            if (c == '"' || c == '\'') {
                i++;
                while (i < n && line.charAt(i) != c) {
                    if (line.charAt(i) == '\\' && i + 1 < n && line.charAt(i + 1) == c) {
                        i++;
                    }
                    word.append(line.charAt(i++));
                }
                if (i >= n) {
                    throw new ConfigException(origin + ": unterminated " + c + " quote in '" + line + "'");
                }
                i++; // the closing quote
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    word.append(line.charAt(i++));
                }
            }
            words.add(word.toString());
        }
        return words;
    }
}
