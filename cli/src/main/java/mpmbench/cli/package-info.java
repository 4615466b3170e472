/**
 * What every mpmbench command shares on its command line, so that the server and the load
 * generator, which never import each other, answer a bad flag alike: {@link mpmbench.cli.UsageErrors}
 * installs picocli's handler for arguments it cannot parse (one line on stderr, the nearest option
 * named, and the command's exit status for invalid input, 2 unless it says otherwise).
 *
 * <p>May use picocli only; every command module may use it. Called on the thread that parses a
 * command line.
 */
package mpmbench.cli;
