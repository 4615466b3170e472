package mpmbench.benchmarks.claims.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** README's claims table writes a clipped low bound as {@code 0*} and explains the mark once. */
class ClaimsTableTest {

    private static Row claim(String low, String high) {
        return Row.builder(Schemas.CLAIMS).put("claim", "3").put("family", "httpd").put("level", "c16-i300")
                .put("title", "t").put("ratio", "0.373").put("ratio_ci_low", low).put("ratio_ci_high", high)
                .put("verdict", "inconclusive").build();
    }

    @Test
    void a_low_bound_clipped_at_zero_is_marked_and_explained() {
        assertEquals("0.373 [0*, 1.34]", ClaimsTable.ratio(claim("0.0", "1.3404")));
        assertEquals("0.373 [0*, inf]", ClaimsTable.ratio(claim("0.0", "inf")));
        assertTrue(ClaimsTable.render(List.of(claim("0.0", "1.34"))).contains("`0*`: the interval reached below 0"));
    }

    @Test
    void an_interval_above_zero_carries_no_mark() {
        assertEquals("0.373 [0.2, 1.34]", ClaimsTable.ratio(claim("0.2", "1.34")));
        assertFalse(ClaimsTable.render(List.of(claim("0.2", "1.34"))).contains("0*"));
    }
}
