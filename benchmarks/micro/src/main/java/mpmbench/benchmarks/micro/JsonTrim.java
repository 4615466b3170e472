package mpmbench.benchmarks.micro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes JMH's JSON small enough to commit: drops the {@code "rawDataHistogram"} members (SampleTime
 * modes record every sample's bucket, megabytes per run; the percentiles stay in
 * {@code scorePercentiles}, the per-iteration scores in {@code rawData}) and the pretty-printing
 * whitespace. The rest is JMH's JSON unchanged (numbers kept exactly, read and written by Jackson).
 *
 * <p>Also a main: {@code JsonTrim FILE} trims a jmh.json in place.
 */
final class JsonTrim {

    private static final String HISTOGRAM = "rawDataHistogram";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private JsonTrim() {
    }

    static String trim(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        drop(root);
        return JSON.writeValueAsString(root);
    }

    /** Removes every {@link #HISTOGRAM} member, at any depth. */
    private static void drop(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(HISTOGRAM);
        }
        node.forEach(JsonTrim::drop);
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.writeString(file, trim(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
