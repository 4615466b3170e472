package mpmbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every mpmbench command answers a command line it cannot parse: one line on its stderr,
 * {@code mpmbench CMD: WHAT (see mpmbench CMD --help)}, and the command's exit status for invalid
 * input (2 unless the command says otherwise).
 *
 * <p>An unknown option is named before a missing required one: picocli checks the required options
 * first, so {@code serve --mmp event} would read "Missing required option: '--mpm=MODEL'" while the
 * user did type it, misspelt. Here it reads {@code Unknown option: '--mmp'; did you mean --mpm?}.
 * The nearest option is found by edit distance (a swap of two letters counts as one edit), which
 * finds what picocli's own suggestions miss (they only match the first two letters). A command that
 * collects unknown arguments itself ({@code @Unmatched}: {@code ctl}'s serve options, {@code micro}'s
 * JMH options) keeps picocli's order, since what is unknown to it may be valid further on.
 */
public final class UsageErrors implements IParameterExceptionHandler {

    private UsageErrors() {
    }

    /** Makes {@code cl} answer bad arguments as this class says; returns it. */
    public static CommandLine install(CommandLine cl) {
        cl.setParameterExceptionHandler(new UsageErrors());
        return cl;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String name = cl.getCommandSpec().name();
        PrintWriter err = cl.getErr();
        err.println(name + ": " + message(e) + " (see " + name + " --help)");
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** What went wrong, without the command's name: the unknown options first, when there are any. */
    static String message(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (!spec.unmatchedArgsBindings().isEmpty()) {
            return e.getMessage();
        }
        List<String> unmatched = e instanceof UnmatchedArgumentException u ? u.getUnmatched()
                : e.getCommandLine().getUnmatchedArguments();
        List<String> unknown = unmatched.stream().filter(UsageErrors::looksLikeOption).toList();
        if (unknown.isEmpty()) {
            return e.getMessage();
        }
        List<String> quoted = unknown.stream().map(a -> "'" + a + "'").toList();
        return (unknown.size() == 1 ? "Unknown option: " : "Unknown options: ") + String.join(", ", quoted)
                + didYouMean(spec, unknown.getFirst());
    }

    /**
     * {@code "; did you mean --mpm?"} when {@code arg} (an option as typed, {@code --name} or
     * {@code --name=value}) is near one of the command's options, else the empty string.
     */
    public static String didYouMean(CommandSpec spec, String arg) {
        List<String> nearest = nearest(spec, arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
        return nearest.isEmpty() ? "" : "; did you mean " + String.join(" or ", nearest) + "?";
    }

    /** The visible option names at the least edit distance from {@code typed}, if near enough. */
    static List<String> nearest(CommandSpec spec, String typed) {
        String bare = typed.replaceFirst("^-+", "");
        // One edit in a short name, two in a longer one: more would suggest options merely alike. A
        // letter or two is near every short option, so there only the case may be wrong (-K for -k).
        int limit = bare.length() < 3 ? 0 : Math.min(2, bare.length() / 3);
        int best = limit + 1;
        List<String> found = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            for (String name : option.names()) {
                int d = bare.length() >= 3 && name.startsWith(typed) ? 1 : distance(typed.toLowerCase(Locale.ROOT),
                        name.toLowerCase(Locale.ROOT));
                if (d > limit) {
                    continue;
                }
                if (d < best) {
                    best = d;
                    found.clear();
                }
                if (d == best && !found.contains(name)) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** As picocli tells an option from a value: a dash and more, and not a number. */
    private static boolean looksLikeOption(String arg) {
        if (arg == null || arg.length() < 2 || arg.charAt(0) != '-') {
            return false;
        }
        try {
            Double.parseDouble(arg);
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
