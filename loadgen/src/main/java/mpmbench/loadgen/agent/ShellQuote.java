package mpmbench.loadgen.agent;

import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting for the command line ssh hands to the remote shell: every word in single quotes,
 * a single quote written as {@code '\''}. Stateless.
 */
final class ShellQuote {

    private ShellQuote() {
    }

    /** One word, quoted unless it is made of characters no shell treats specially. */
    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Words quoted and joined with spaces. */
    static String join(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
