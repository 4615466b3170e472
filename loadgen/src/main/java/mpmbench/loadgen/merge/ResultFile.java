package mpmbench.loadgen.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import mpmbench.loadgen.contract.ResultKey;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;

/**
 * A load generator's {@code --json} result (one flat object, {@code report.JsonReport}), read back with
 * Jackson's streaming parser: numbers, booleans, strings and nulls by field name.
 *
 * @param name   where it came from, for messages
 * @param fields field name to value ({@code Long}, {@code Double}, {@code Boolean}, {@code String}, or
 *               {@code null}), in file order
 */
public record ResultFile(String name, Map<String, Object> fields) {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Reads {@code file}; a missing or malformed file is a {@link BadLogException} naming it. */
    public static ResultFile read(String name, Path file) {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(Files.readAllBytes(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadLogException(name + ": " + file.getFileName() + " is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                fields.put(field, switch (t) {
                    case VALUE_NUMBER_INT -> p.getLongValue();
                    case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                    case VALUE_NULL -> null;
                    case VALUE_STRING -> p.getText();
                    default -> throw new BadLogException(name + ": " + field + " in " + file.getFileName()
                            + " is not a plain value");
                });
            }
        } catch (IOException e) {
            throw new BadLogException(name + ": cannot read its result " + file.getFileName() + " (" + e.getMessage() + ")");
        }
        return new ResultFile(name, fields);
    }

    /** The counters, by their keys ({@code requests}, {@code err_connect}, …: the counter's name; 0 when absent). */
    public Counts counts() {
        Counts c = Counts.zero();
        for (Counter counter : Counter.values()) {
            if (fields.get(ResultKey.valueOf(counter.name()).key()) instanceof Number n) {
                c = c.with(counter, n.longValue());
            }
        }
        return c;
    }

    /** A numeric field, or {@code NaN} when absent or null. */
    public double number(ResultKey field) {
        return fields.get(field.key()) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A field as text ({@code ""} when absent). */
    public String text(ResultKey field) {
        Object v = fields.get(field.key());
        return v == null ? "" : String.valueOf(v);
    }
}
