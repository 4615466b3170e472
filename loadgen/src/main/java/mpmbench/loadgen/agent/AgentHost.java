package mpmbench.loadgen.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One agent as named on the command line.
 *
 * @param index position in {@code --agents}, from 1
 * @param host  what ssh is given: a host, {@code user@host}, an alias of the ssh config, or
 *              {@code ssh://[user@]host[:port]}
 * @param label the name in messages, tables and file names: the host, with {@code #2}, {@code #3} …
 *              when the same host is listed more than once
 */
public record AgentHost(int index, String host, String label) {

    /** The agents of {@code --agents}, labelled. */
    public static List<AgentHost> of(List<String> hosts) {
        Map<String, Integer> seen = new HashMap<>();
        List<AgentHost> agents = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String h = hosts.get(i).strip();
            if (h.isEmpty()) {
                throw new IllegalArgumentException("--agents has an empty host name at position " + (i + 1));
            }
            int n = seen.merge(h, 1, Integer::sum);
            agents.add(new AgentHost(i + 1, h, n == 1 ? h : h + "#" + n));
        }
        return agents;
    }

    /** The label made safe as a file name. */
    public String fileName() {
        return label.replaceAll("[^A-Za-z0-9._@-]", "_");
    }

    @Override
    public String toString() {
        return label;
    }
}
