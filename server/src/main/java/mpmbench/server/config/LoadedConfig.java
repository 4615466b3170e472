package mpmbench.server.config;

import java.util.List;

/**
 * The outcome of {@link ConfigLoader#load()}.
 *
 * @param config    the validated configuration
 * @param warnings  one line per value the loader adjusted the way httpd does (in httpd's words), per
 *                  directive or section of an httpd file it ignored, per undefined {@code ${VAR}};
 *                  log them at start
 * @param effective every directive, in {@link Directive} order, with its value and its source
 */
public record LoadedConfig(ServerConfig config, List<String> warnings, List<EffectiveDirective> effective) {

    public LoadedConfig {
        warnings = List.copyOf(warnings);
        effective = List.copyOf(effective);
    }

    /** The effective directives as log lines, one per directive. */
    public List<String> describe() {
        return effective.stream().map(EffectiveDirective::describe).toList();
    }
}
