/**
 * The load generator's model of a run: what to run ({@link mpmbench.loadgen.LoadSpec}, built by the
 * flags or by code, validated in one place, with {@link mpmbench.loadgen.TlsOptions} for {@code https://}), what a run measured ({@link mpmbench.loadgen.LoadResult}),
 * when a warm-up has settled ({@link mpmbench.loadgen.SteadyState}, the rule of {@code --settle}) and the
 * JVM options every generator process starts with ({@link mpmbench.loadgen.GeneratorJvm}) and the AOT cache
 * it starts from ({@link mpmbench.loadgen.GeneratorAotCache}).
 *
 * <p>The packages below, from the bottom up: {@code http}, {@code record} and {@code contract} use no
 * other package of the generator; this package uses {@code http} and {@code record}; {@code engine} runs
 * a spec; {@code report}, {@code merge} and {@code flags} turn results and flags into files and specs;
 * {@code agent} spreads a run over several hosts; {@code cli} is the command on top. No package circle
 * (checked by {@code PackageGraphTest}, which holds the same table of what each package may use).
 *
 * <p>May use: {@code http}, {@code record}; HdrHistogram; the JDK.
 */
package mpmbench.loadgen;
