package mpmbench.loadgen.agent;

/**
 * One agent could not do its part; the message says what failed in one line (the coordinator puts the
 * host in front). The other agents go on.
 */
final class AgentFailure extends Exception {

    AgentFailure(String message) {
        super(message, null, false, false);
    }
}
