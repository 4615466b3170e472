/**
 * What other programs read from the generator, each format written once with its reader beside it:
 * the keys of the {@code --json} result and {@code --csv} row ({@link mpmbench.loadgen.contract.ResultKey})
 * and the progress lines on stderr ({@link mpmbench.loadgen.contract.ProgressLine}). The suite
 * ({@code mpmbench.benchmarks}) reads results and progress through these; {@code ScriptKeysTest} keeps the
 * measuring scripts to the same keys. A change here is a change of the generator's output format.
 *
 * <p>May use: no other package of the generator; the JDK. (The suite depends on it: keep it small.)
 */
package mpmbench.loadgen.contract;
