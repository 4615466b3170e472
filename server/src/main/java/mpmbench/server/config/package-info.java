/**
 * httpd's directives, their compiled-in defaults per model and the way httpd reads and corrects them:
 * {@link mpmbench.server.config.ConfigLoader} builds one validated {@link
 * mpmbench.server.config.ServerConfig} from the model's defaults ({@code ModelDefaults}, as httpd's
 * {@code mpm_default.h}), an httpd-style file ({@code ConfigFileParser}, {@code ConfigIncludes},
 * {@code Define}, {@code <IfModule>}, {@code Include}) and {@code --set Directive=value} flags, in that
 * order; {@code ConfigValidator} adjusts values with httpd's warnings; {@code Directive} lists every
 * directive we understand with its type, range and models. {@link mpmbench.server.config.ModelCapacity}
 * is the one place that tells the models apart by their numbers (workers per child, children at once,
 * spare capacity), and {@link mpmbench.server.config.ChildJvmDefaults} the child JVM's options.
 *
 * <p>May use {@code http} and {@code http.request} for the records the connection loop takes
 * ({@code ConnectionTimeouts}, {@code HttpLimits}), nothing else of the server. Immutable results; a loader is used by one thread.
 * The master passes its configuration to each child as {@code --set} flags, so a child reads no file.
 */
package mpmbench.server.config;
