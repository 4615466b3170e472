/**
 * The {@code mpmbench load} command ({@link mpmbench.loadgen.cli.LoadMain}, the jar's main class): reads
 * the flags, runs the load here or on agents, prints progress and the summary, writes the files; and the
 * progress printer on stderr.
 *
 * <p>May use: every other package of the generator; picocli and the shared {@code mpmbench.cli} usage
 * errors; the JDK. No package uses it.
 */
package mpmbench.loadgen.cli;
