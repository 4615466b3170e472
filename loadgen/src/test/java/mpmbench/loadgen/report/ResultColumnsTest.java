package mpmbench.loadgen.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.loadgen.contract.ResultKey;
import mpmbench.loadgen.record.Counter;

/** Every key of the result is written, once, in the order {@link ResultKey} declares. */
class ResultColumnsTest {

    @Test
    void theColumnsAreTheKeysInOrder() {
        assertEquals(List.of(ResultKey.values()), ResultColumns.ALL.stream().map(ResultColumns.Column::key).toList());
    }

    @Test
    void everyCounterIsWrittenUnderItsOwnName() {
        // merge.ResultFile reads the counters back by their names
        for (Counter c : Counter.values()) {
            assertTrue(ResultKey.of(c.name().toLowerCase(java.util.Locale.ROOT)).isPresent(), c + " has no key");
        }
    }
}
