package mpmbench.loadgen.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import mpmbench.loadgen.LoadResult;

/**
 * {@code --json FILE}: the same fields as the CSV row ({@link ResultColumns}), as one flat JSON object
 * written by Jackson's streaming generator, one field per line. Numbers and booleans are JSON numbers
 * and booleans (decimals with 3 places, as in the CSV); a figure that could not be measured, or a
 * column that does not apply (the closed model's {@code scheduled}), is {@code null}. The file is replaced.
 */
public final class JsonReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    public static String render(LoadResult result) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            for (ResultColumns.Column c : ResultColumns.ALL) {
                g.writeFieldName(c.name());
                write(g, c.value().apply(result));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render JSON", e); // a StringWriter does not fail
        }
        return out + "\n";
    }

    public static void write(Path file, LoadResult result) throws IOException {
        Files.writeString(file, render(result), StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case Double d when !Double.isFinite(d) -> g.writeNull();
            case Double d -> g.writeNumber(ResultColumns.format(d)); // the CSV's text: 3 places, '.'

            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Boolean b -> g.writeBoolean(b);
            default -> g.writeString(String.valueOf(v));
        }
    }
}
