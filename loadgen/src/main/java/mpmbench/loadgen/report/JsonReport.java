package mpmbench.loadgen.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import mpmbench.loadgen.LoadResult;

/**
 * {@code --json FILE}: the same fields as the CSV row ({@link ResultColumns}), as one JSON object,
 * numbers and booleans unquoted. The file is replaced.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(LoadResult result) {
        StringBuilder sb = new StringBuilder("{\n");
        for (int i = 0; i < ResultColumns.ALL.size(); i++) {
            ResultColumns.Column c = ResultColumns.ALL.get(i);
            Object v = c.value().apply(result);
            sb.append("  \"").append(c.name()).append("\": ");
            if (v instanceof Number || v instanceof Boolean) {
                sb.append(ResultColumns.format(v));
            } else {
                sb.append(string(String.valueOf(v)));
            }
            sb.append(i + 1 < ResultColumns.ALL.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    public static void write(Path file, LoadResult result) throws IOException {
        Files.writeString(file, render(result), StandardCharsets.UTF_8);
    }

    private static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
