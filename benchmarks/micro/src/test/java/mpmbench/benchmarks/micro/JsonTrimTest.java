package mpmbench.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTrimTest {

    @Test
    void dropsHistogramsAndWhitespaceButNotStrings() throws Exception {
        String json = """
                [ { "benchmark" : "a b",
                    "primaryMetric" : { "score" : 1.5, "rawData" : [ [ 1, 2 ] ],
                        "rawDataHistogram" : [ [ [ [ 9.4, 1 ] ] ] ] },
                    "secondaryMetrics" : { "p" : { "rawDataHistogram" : [ [ ] ], "score" : 2 } } } ]
                """;
        assertEquals("[{\"benchmark\":\"a b\",\"primaryMetric\":{\"score\":1.5,\"rawData\":[[1,2]]},"
                + "\"secondaryMetrics\":{\"p\":{\"score\":2}}}]", JsonTrim.trim(json));
    }

    @Test
    void keepsNumbersAsJmhWroteThem() throws Exception {
        assertEquals("[{\"score\":260.12345678901234,\"error\":0.0000123}]",
                JsonTrim.trim("[ { \"score\" : 260.12345678901234, \"error\" : 0.0000123 } ]"));
    }
}
