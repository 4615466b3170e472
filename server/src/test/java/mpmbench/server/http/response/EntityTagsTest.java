package mpmbench.server.http.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 8.8.3.2: the strong and the weak comparison of an ETag with the list a request sends. */
class EntityTagsTest {

    @ParameterizedTest(name = "{0} against {1}: strong {2}, weak {3}")
    @CsvSource(delimiter = '|', value = {
        "'\"d-5f\"'                | '\"d-5f\"'      | true  | true",
        "'W/\"d-5f\"'              | '\"d-5f\"'      | false | true",
        "'\"x\", W/\"d-5f\"'       | '\"d-5f\"'      | false | true",
        "'\"x\",\"d-5f\"'          | '\"d-5f\"'      | true  | true",
        "'*'                       | '\"d-5f\"'      | true  | true",
        "'\"a,b\"'                 | '\"a,b\"'       | true  | true",
        "'\"a,b\"'                 | '\"a\"'         | false | false",
        "'\"d-5f\"'                | 'W/\"d-5f\"'    | false | true",
        "'d-5f'                    | '\"d-5f\"'      | false | false",
        "'\"d-5f'                  | '\"d-5f\"'      | false | false",
        "'\"D-5F\"'                | '\"d-5f\"'      | false | false",
        "''                        | '\"d-5f\"'      | false | false",
    })
    void comparesStronglyAndWeakly(String list, String etag, boolean strong, boolean weak) {
        byte[] v = list.getBytes(StandardCharsets.US_ASCII);
        byte[] tag = etag.getBytes(StandardCharsets.US_ASCII);
        assertEquals(strong, EntityTags.matches(v, 0, v.length, tag, false), "strong");
        assertEquals(weak, EntityTags.matches(v, 0, v.length, tag, true), "weak");
    }
}
