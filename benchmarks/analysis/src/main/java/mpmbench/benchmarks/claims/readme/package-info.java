/**
 * README's generated tables: the claims of a reference results folder ({@link
 * mpmbench.benchmarks.claims.readme.ClaimsTable}) and the operational claim 8 with its restart figures
 * ({@link mpmbench.benchmarks.claims.readme.OpsTable}), written between markers that name their folder
 * ({@link mpmbench.benchmarks.claims.readme.ReadmeTables}) by {@code mpmbench tables}
 * ({@link mpmbench.benchmarks.claims.readme.ReadmeTablesMain}); a test fails when README differs.
 *
 * <p>May use: {@code claims}, {@code results} and {@code catalogue}, picocli and {@code mpmbench.cli} for its
 * command line.
 */
package mpmbench.benchmarks.claims.readme;
