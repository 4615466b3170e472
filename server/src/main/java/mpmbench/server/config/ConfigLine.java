package mpmbench.server.config;

import java.util.List;

/**
 * One directive line of a config file that applies to the chosen model.
 *
 * @param name   the directive name as written
 * @param args   its arguments, quotes removed
 * @param origin {@code file:line}, for messages
 */
record ConfigLine(String name, List<String> args, String origin) {

    ConfigLine {
        args = List.copyOf(args);
    }
}
