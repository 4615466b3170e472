package mpmbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The steady-state rule on per-second traces measured here (java-event's JIT climb, then its plateau). */
class SteadyStateTest {

    @Test
    void aClimbIsNotSteadyAndItsPlateauIs() {
        assertFalse(SteadyState.settled(List.of(4000L, 9000L, 30000L)));
        assertFalse(SteadyState.settled(List.of(3583L, 9793L, 9658L, 17954L, 38566L, 62978L)));
        assertFalse(SteadyState.settled(List.of(9658L, 17954L, 38566L, 62978L, 74862L, 64439L)));
        assertTrue(SteadyState.settled(List.of(38566L, 62978L, 74862L, 64439L, 68452L, 79691L)));
    }

    @Test
    void aStalledServerIsSteadyButOneThatStartsIsNot() {
        assertTrue(SteadyState.settled(List.of(0L, 0L, 0L, 0L)));
        assertFalse(SteadyState.settled(List.of(0L, 0L, 5L, 0L)));
    }
}

