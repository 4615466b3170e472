package mpmbench.server.http.io;

import java.io.IOException;

/**
 * A {@link ChannelIo} that can close its output alone, so a lingering close can send FIN and still
 * drain what the client sends. Kept apart from ChannelIo to leave that contract unchanged.
 */
public interface HalfClosable {

    /** Sends FIN; reading still works. */
    void shutdownOutput() throws IOException;
}
