package mpmbench.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTrimTest {

    @Test
    void dropsHistogramsAndWhitespaceButNotStrings() {
        String json = """
                [ { "benchmark" : "a b",
                    "primaryMetric" : { "score" : 1.5, "rawData" : [ [ 1, 2 ] ],
                        "rawDataHistogram" : [ [ [ [ 9.4, 1 ] ] ] ] },
                    "secondaryMetrics" : { "p" : { "rawDataHistogram" : [ [ ] ], "score" : 2 } } } ]
                """;
        assertEquals("[{\"benchmark\":\"a b\",\"primaryMetric\":{\"score\":1.5,\"rawData\":[[1,2]]},"
                + "\"secondaryMetrics\":{\"p\":{\"score\":2}}}]", JsonTrim.trim(json));
    }
}
