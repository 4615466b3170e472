package mpmbench.server.http;

/**
 * Renders {@code /server-status}, mod_status style. Implemented from the scoreboard; allocation is
 * fine here, it is not a hot path.
 */
public interface StatusPage {

    /**
     * Appends the page to {@code out}: human-readable text, or with {@code auto} the machine form of
     * mod_status's {@code ?auto} ({@code Key: value} lines and a {@code Scoreboard:} line).
     */
    void render(boolean auto, StringBuilder out);

    StatusPage NONE = (auto, out) -> out.append(auto ? "Scoreboard: \n" : "No scoreboard.\n");
}
