package mpmbench.server.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads the httpd config syntax we support, for one model:
 * <ul>
 *   <li>one directive per line: {@code Name arg...}; names are matched case-insensitively later;</li>
 *   <li>arguments split on whitespace; {@code "..."} or {@code '...'} quote an argument, with
 *       {@code \"} / {@code \'} for a quote inside (as httpd's {@code ap_getword_conf});</li>
 *   <li>{@code #} starts a comment only at the beginning of a line (as in httpd: a trailing
 *       {@code # ...} would be more arguments); blank lines are skipped; a line ending in {@code \}
 *       continues on the next;</li>
 *   <li>{@code <IfModule name>} ... {@code </IfModule>}, nestable, {@code !name} negates. The MPM
 *       modules {@code mpm_prefork_module}, {@code mpm_worker_module}, {@code mpm_event_module} and
 *       our {@code mpm_virtual_module} (or {@code prefork.c} etc.) are present only for their model;
 *       every other module name counts as present, since the server has everything built in.</li>
 * </ul>
 * Directives in blocks that do not apply are not returned, but their names are still checked, so a
 * typo in another model's block is reported rather than discovered when switching models. Other
 * sections ({@code <VirtualHost>}, {@code <IfDefine>}, ...) are errors.
 */
final class ConfigFileParser {

    private final String fileName;
    private final Mpm mpm;
    private final List<ConfigLine> lines = new ArrayList<>();
    /** Open IfModule blocks: whether each condition holds, and where it opened. */
    private final Deque<Block> blocks = new ArrayDeque<>();

    private record Block(boolean holds, String origin) {
    }

    private ConfigFileParser(String fileName, Mpm mpm) {
        this.fileName = fileName;
        this.mpm = mpm;
    }

    /**
     * Parses a whole file's text.
     *
     * @param fileName the name used in messages ({@code file:line})
     * @return the directive lines that apply to {@code mpm}, in file order
     * @throws ConfigException on a syntax error or an unknown directive name
     */
    static List<ConfigLine> parse(String fileName, String text, Mpm mpm) {
        ConfigFileParser p = new ConfigFileParser(fileName, mpm);
        String[] physical = text.split("\\R", -1);
        StringBuilder logical = new StringBuilder();
        int startLine = 0;
        for (int i = 0; i < physical.length; i++) {
            if (logical.isEmpty()) {
                startLine = i + 1;
            }
            String line = physical[i];
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            p.line(logical.toString().strip(), startLine);
            logical.setLength(0);
        }
        if (!logical.isEmpty()) {
            p.line(logical.toString().strip(), startLine);
        }
        if (!p.blocks.isEmpty()) {
            throw new ConfigException(p.blocks.peek().origin() + ": <IfModule> is not closed by </IfModule>");
        }
        return List.copyOf(p.lines);
    }

    private void line(String line, int number) {
        String origin = fileName + ":" + number;
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        if (line.startsWith("<")) {
            section(line, origin);
            return;
        }
        List<String> words = ConfigWords.split(line, origin);
        String name = words.getFirst();
        if (Directive.lookup(name).isEmpty()) {
            throw new ConfigException(origin + ": unknown directive '" + name + "'");
        }
        if (active()) {
            lines.add(new ConfigLine(name, words.subList(1, words.size()), origin));
        }
    }

    private void section(String line, String origin) {
        if (!line.endsWith(">")) {
            throw new ConfigException(origin + ": section line '" + line + "' must end with '>'");
        }
        String inner = line.substring(1, line.length() - 1).strip();
        if (inner.equalsIgnoreCase("/IfModule")) {
            if (blocks.isEmpty()) {
                throw new ConfigException(origin + ": </IfModule> without a matching <IfModule>");
            }
            blocks.pop();
            return;
        }
        List<String> words = ConfigWords.split(inner, origin);
        if (!words.getFirst().equalsIgnoreCase("IfModule")) {
            throw new ConfigException(origin + ": unsupported section <" + words.getFirst()
                    + ">; only <IfModule> is supported");
        }
        if (words.size() != 2) {
            throw new ConfigException(origin + ": <IfModule> takes one module name, e.g."
                    + " <IfModule mpm_event_module> or <IfModule !mpm_event_module>");
        }
        String module = words.get(1);
        boolean negated = module.startsWith("!");
        boolean present = modulePresent(negated ? module.substring(1) : module);
        blocks.push(new Block(present != negated, origin));
    }

    private boolean active() {
        return blocks.stream().allMatch(Block::holds);
    }

    /** An MPM module is present only for its model; any other module is taken as present. */
    private boolean modulePresent(String module) {
        String m = module.toLowerCase(Locale.ROOT);
        for (Mpm candidate : Mpm.values()) {
            if (m.equals("mpm_" + candidate.id() + "_module") || m.equals(candidate.id() + ".c")) {
                return candidate == mpm;
            }
        }
        return true;
    }
}
